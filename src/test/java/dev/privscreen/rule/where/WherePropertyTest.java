package dev.privscreen.rule.where;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: for random expressions over random rows, parsing the printed expression and evaluating
 * it gives what a direct evaluation of the generated tree gives. The printer uses as few
 * parentheses as precedence allows, so precedence and associativity are exercised too.
 */
class WherePropertyTest {
  static final String[] NUM_FIELDS = {"a", "b", "c"};
  static final String[] TEXTS = {"ZEC", "XMR", "ZK", "DASH"};
  static final Map<String, Type> TYPES = new LinkedHashMap<>();

  static {
    for (String f : NUM_FIELDS) {
      TYPES.put(f, Type.NUMBER);
    }
    TYPES.put("sym", Type.TEXT);
  }

  /** The test's own tree: text, precedence level, and a direct evaluation. */
  interface Node {
    String print();

    int level(); // 1 or, 2 and, 3 not, 4 compare, 5 sum, 6 product, 7 unary, 8 primary

    Object eval(Map<String, Object> row);
  }

  final Random rnd = new Random(42);

  static String wrap(Node n, int minLevel) {
    return n.level() >= minLevel ? n.print() : "(" + n.print() + ")";
  }

  Node number(int depth) {
    int k = rnd.nextInt(depth <= 0 ? 2 : 5);
    switch (k) {
      case 0 -> {
        double[] vals = {0, 1, 2, 2.5, 10, 1000};
        double v = vals[rnd.nextInt(vals.length)];
        boolean kilo = v == 1000 && rnd.nextBoolean();
        String text =
            kilo ? "1k" : (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
        return leaf(text, v);
      }
      case 1 -> {
        String f = NUM_FIELDS[rnd.nextInt(NUM_FIELDS.length)];
        return new Node() {
          public String print() {
            return f;
          }

          public int level() {
            return 8;
          }

          public Object eval(Map<String, Object> row) {
            return row.get(f);
          }
        };
      }
      case 2 -> {
        Node x = number(depth - 1);
        return new Node() {
          public String print() {
            return "-" + wrap(x, 7);
          }

          public int level() {
            return 7;
          }

          public Object eval(Map<String, Object> row) {
            Object v = x.eval(row);
            return v == null ? null : -(Double) v;
          }
        };
      }
      default -> {
        char op = "+-*/".charAt(rnd.nextInt(4));
        int lvl = op == '+' || op == '-' ? 5 : 6;
        Node l = number(depth - 1);
        Node r = number(depth - 1);
        return new Node() {
          public String print() {
            return wrap(l, lvl) + " " + op + " " + wrap(r, lvl + 1);
          }

          public int level() {
            return lvl;
          }

          public Object eval(Map<String, Object> row) {
            Object x = l.eval(row);
            Object y = r.eval(row);
            if (x == null || y == null) {
              return null;
            }
            double a = (Double) x;
            double b = (Double) y;
            if (op == '/' && b == 0) {
              return null;
            }
            double v = op == '+' ? a + b : op == '-' ? a - b : op == '*' ? a * b : a / b;
            return Double.isFinite(v) ? v : null;
          }
        };
      }
    }
  }

  static Node leaf(String text, Object value) {
    return new Node() {
      public String print() {
        return text;
      }

      public int level() {
        return 8;
      }

      public Object eval(Map<String, Object> row) {
        return value;
      }
    };
  }

  Node condition(int depth) {
    int k = rnd.nextInt(depth <= 0 ? 3 : 6);
    switch (k) {
      case 0, 1 -> {
        String op = List.of("==", "!=", "<", "<=", ">", ">=").get(rnd.nextInt(6));
        Node l = number(depth - 1);
        Node r = number(depth - 1);
        return compare(op, l, r);
      }
      case 2 -> {
        if (rnd.nextBoolean()) {
          String t = TEXTS[rnd.nextInt(TEXTS.length)];
          String op = List.of("==", "!=", "<", ">=").get(rnd.nextInt(4));
          return compare(
              op, leaf("sym", null) instanceof Node ? field("sym") : null, leaf("'" + t + "'", t));
        }
        List<String> opts = new ArrayList<>();
        for (int i = 0; i <= rnd.nextInt(3); i++) {
          opts.add(TEXTS[rnd.nextInt(TEXTS.length)]);
        }
        return new Node() {
          public String print() {
            List<String> q = new ArrayList<>();
            opts.forEach(o -> q.add("\"" + o + "\""));
            return "sym in [" + String.join(", ", q) + "]";
          }

          public int level() {
            return 4;
          }

          public Object eval(Map<String, Object> row) {
            Object v = row.get("sym");
            return v != null && opts.contains(v);
          }
        };
      }
      case 3 -> {
        Node x = condition(depth - 1);
        return new Node() {
          public String print() {
            return "!" + wrap(x, 3);
          }

          public int level() {
            return 3;
          }

          public Object eval(Map<String, Object> row) {
            return !(Boolean) x.eval(row);
          }
        };
      }
      default -> {
        boolean and = k == 4;
        int lvl = and ? 2 : 1;
        Node l = condition(depth - 1);
        Node r = condition(depth - 1);
        return new Node() {
          public String print() {
            return wrap(l, lvl) + (and ? " && " : " || ") + wrap(r, lvl + 1);
          }

          public int level() {
            return lvl;
          }

          public Object eval(Map<String, Object> row) {
            boolean a = (Boolean) l.eval(row);
            boolean b = (Boolean) r.eval(row);
            return and ? a && b : a || b;
          }
        };
      }
    }
  }

  static Node field(String name) {
    return new Node() {
      public String print() {
        return name;
      }

      public int level() {
        return 8;
      }

      public Object eval(Map<String, Object> row) {
        return row.get(name);
      }
    };
  }

  static Node compare(String op, Node l, Node r) {
    return new Node() {
      public String print() {
        return wrap(l, 5) + " " + op + " " + wrap(r, 5);
      }

      public int level() {
        return 4;
      }

      public Object eval(Map<String, Object> row) {
        Object x = l.eval(row);
        Object y = r.eval(row);
        if (x == null || y == null) {
          return false;
        }
        int c =
            x instanceof Double a
                ? (a.doubleValue() == (Double) y ? 0 : Double.compare(a, (Double) y))
                : ((String) x).compareTo((String) y);
        return switch (op) {
          case "==" -> c == 0;
          case "!=" -> c != 0;
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        };
      }
    };
  }

  Map<String, Object> row() {
    Map<String, Object> r = new HashMap<>();
    double[] vals = {0, 1, 2, 2.5, -3, 10, 1000, 1e9};
    for (String f : NUM_FIELDS) {
      r.put(f, rnd.nextInt(5) == 0 ? null : vals[rnd.nextInt(vals.length)]);
    }
    r.put("sym", rnd.nextInt(6) == 0 ? null : TEXTS[rnd.nextInt(TEXTS.length)]);
    return r;
  }

  @Test
  void parsedExpressionsAgreeWithADirectEvaluation() {
    int trueCount = 0;
    int cases = 3000;
    for (int i = 0; i < cases; i++) {
      Node n = condition(1 + rnd.nextInt(4));
      String text = n.print();
      if (rnd.nextBoolean()) {
        text = text.replace(" ", "  ").replace("1k", "1000");
      }
      Expr e = Parser.parse(text);
      assertThat(e.check(TYPES)).as(text).isEqualTo(Type.BOOLEAN);
      for (int j = 0; j < 5; j++) {
        Map<String, Object> row = row();
        Object want = n.eval(row);
        assertThat(e.eval(row::get)).as(text + " on " + row).isEqualTo(want);
        trueCount += Boolean.TRUE.equals(want) ? 1 : 0;
      }
    }
    // both outcomes are well represented, so the property is not vacuous
    assertThat(trueCount).isBetween(cases * 5 / 10, cases * 5 * 9 / 10);
  }
}
