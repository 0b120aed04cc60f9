package io.textsim.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.factories.SerializerFactory;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * The job's serialization: Kryo, with {@link RecordSerializer} for every record (the job's shuffled
 * values are records). Java serialization, Spark's default, spends most of a shuffle on object
 * headers; with Kryo the shuffles cost about what their bytes cost.
 */
public final class JobKryo implements KryoRegistrator {
  /** Sets Kryo and this registrator on {@code conf}, and returns it. */
  public static SparkConf configure(SparkConf conf) {
    return conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .set("spark.kryo.registrator", JobKryo.class.getName());
  }

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.addDefaultSerializer(
        Record.class, (SerializerFactory) (k, type) -> new RecordSerializer(k, type));
  }
}
