package io.textsim.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Kryo serialization of Java records, component by component through the canonical constructor:
 * Spark's Kryo (4.x) cannot write a record's final fields. Primitives, strings, {@code long[]} and
 * {@code int[]} are written directly, lists (often immutable, which Kryo cannot fill) element by
 * element; anything else through Kryo.
 */
final class RecordSerializer extends Serializer<Record> {
  private final RecordComponent[] components;
  private final MethodHandle[] accessors;
  private final MethodHandle constructor;

  /** A serializer of record class {@code type}. */
  RecordSerializer(Kryo kryo, Class<?> type) {
    this.components = type.getRecordComponents();
    this.accessors = new MethodHandle[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        accessors[i] = lookup.unreflect(components[i].getAccessor());
      }
      this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot serialize record " + type.getName(), e);
    }
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output out, Record record) {
    try {
      for (int i = 0; i < components.length; i++) {
        Class<?> t = components[i].getType();
        Object v = accessors[i].invoke(record);
        if (t == long.class) {
          out.writeLong((Long) v);
        } else if (t == int.class) {
          out.writeInt((Integer) v);
        } else if (t == boolean.class) {
          out.writeBoolean((Boolean) v);
        } else if (t == double.class) {
          out.writeDouble((Double) v);
        } else if (t == String.class) {
          out.writeString((String) v);
        } else if (t == long[].class) {
          long[] a = (long[]) v;
          out.writeInt(a.length, true);
          out.writeLongs(a);
        } else if (t == int[].class) {
          int[] a = (int[]) v;
          out.writeInt(a.length, true);
          out.writeInts(a);
        } else if (t == List.class) {
          List<?> list = (List<?>) v;
          out.writeInt(list.size(), true);
          for (Object e : list) {
            kryo.writeClassAndObject(out, e);
          }
        } else {
          kryo.writeClassAndObject(out, v);
        }
      }
    } catch (Throwable e) {
      throw new IllegalStateException("cannot write " + record.getClass().getName(), e);
    }
  }

  @Override
  public Record read(Kryo kryo, Input in, Class<Record> type) {
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Class<?> t = components[i].getType();
      if (t == long.class) {
        values[i] = in.readLong();
      } else if (t == int.class) {
        values[i] = in.readInt();
      } else if (t == boolean.class) {
        values[i] = in.readBoolean();
      } else if (t == double.class) {
        values[i] = in.readDouble();
      } else if (t == String.class) {
        values[i] = in.readString();
      } else if (t == long[].class) {
        values[i] = in.readLongs(in.readInt(true));
      } else if (t == int[].class) {
        values[i] = in.readInts(in.readInt(true));
      } else if (t == List.class) {
        int size = in.readInt(true);
        List<Object> list = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
          list.add(kryo.readClassAndObject(in));
        }
        values[i] = Collections.unmodifiableList(list);
      } else {
        values[i] = kryo.readClassAndObject(in);
      }
    }
    try {
      return (Record) constructor.invokeWithArguments(values);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + type.getName(), e);
    }
  }
}
