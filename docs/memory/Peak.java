import io.textsim.core.*;
import io.textsim.core.cluster.*;
import io.textsim.core.measure.*;
import io.textsim.core.usecase.*;
import java.util.*;

/** Peak <kind> <chars> <op> [measure...]: generates the text(s), then runs op once; exits 0 if it fits. */
public class Peak {
  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int n = Integer.parseInt(args[1]);
    String op = args[2];
    Random r = new Random(42);
    String a = gen(kind, r, n), b = gen(kind, r, n);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long base = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    Object keep;
    if (op.equals("none")) { keep = a.length() + b.length(); } else if (op.equals("profile")) {
      keep = ClusterOptions.defaults().profiler().profile(a);
    } else {
      Set<io.textsim.core.measure.Measure> ms = EnumSet.noneOf(io.textsim.core.measure.Measure.class);
      for (int i = 3; i < args.length; i++) ms.add(io.textsim.core.measure.Measure.valueOf(args[i]));
      if (ms.isEmpty()) ms = io.textsim.core.measure.Measure.defaults();
      keep = UseCases.compare(a, b, PairOptions.builder().measures(ms).build());
    }
    System.out.println("ok base=" + base + " ms=" + (System.nanoTime() - t0) / 1_000_000 + " " + keep.hashCode());
  }
  static String gen(String kind, Random r, int chars) {
    StringBuilder sb = new StringBuilder(chars + 16);
    if (kind.equals("cjk")) { while (sb.length() < chars) sb.append((char) (0x4E00 + r.nextInt(20000))); return sb.toString(); }
    boolean ascii = kind.equals("ascii");
    while (sb.length() < chars) {
      int len = 2 + r.nextInt(9);
      for (int i = 0; i < len; i++) sb.append(ascii ? (char) ('a' + r.nextInt(26)) : (char) (0x430 + r.nextInt(32)));
      sb.append(r.nextInt(12) == 0 ? ". " : " ");
    }
    sb.setLength(chars);
    return sb.toString();
  }
}
