import io.textsim.core.*;
import io.textsim.core.measure.*;
import java.lang.management.*;
import java.util.*;
public class Alloc2 {
  static final com.sun.management.ThreadMXBean T = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    String kind = args[1];
    io.textsim.core.measure.Measure m = io.textsim.core.measure.Measure.valueOf(args[2]);
    Random r = new Random(7);
    String a = Peak.gen(kind, r, n), b = Peak.gen(kind, r, n);
    TextProfile pa = TextProfiler.defaults().profile(a), pb = TextProfiler.defaults().profile(b);
    long a0 = T.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    Similarity.compare(pa, pb, Set.of(m));
    System.out.printf("%s %d %s first-call alloc/char=%.2f (%d ms)%n", kind, n, m, (T.getCurrentThreadAllocatedBytes() - a0) / (double) n, (System.nanoTime()-t0)/1000000);
  }
}
