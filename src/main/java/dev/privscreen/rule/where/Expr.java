package dev.privscreen.rule.where;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code --where} language's syntax tree. Each node checks its types against the fields ({@link
 * #check}) and evaluates itself ({@link #eval}) over one result's field values: no reflection, no
 * method calls, nothing but the fields. Values are {@link Double}, {@link String}, {@link Boolean}
 * or null (unknown).
 */
public sealed interface Expr
    permits Expr.Num,
        Expr.Str,
        Expr.Field,
        Expr.Neg,
        Expr.Arith,
        Expr.Compare,
        Expr.Logic,
        Expr.Not,
        Expr.In {

  /** Column of the node in the expression text, 1-based, for error messages. */
  int pos();

  /**
   * The node's type, given the fields' types.
   *
   * @throws WhereException for an unknown field or a type mismatch
   */
  Type check(Map<String, Type> fields);

  Object eval(Function<String, Object> row);

  /** Adds the field names the expression reads. */
  void fieldsUsed(Set<String> into);

  /** A number literal, suffixes already applied. */
  record Num(int pos, double value) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      return Type.NUMBER;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      return value;
    }

    @Override
    public void fieldsUsed(Set<String> into) {}
  }

  /** A string literal. */
  record Str(int pos, String value) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      return Type.TEXT;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      return value;
    }

    @Override
    public void fieldsUsed(Set<String> into) {}
  }

  /** A result field by name. */
  record Field(int pos, String name) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      Type t = fields.get(name);
      if (t == null) {
        throw new WhereException(
            pos,
            "unknown field '" + name + "' (valid: " + String.join(", ", fields.keySet()) + ")");
      }
      return t;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      Object v = row.apply(name);
      return v instanceof Number n && !(v instanceof Double) ? n.doubleValue() : v;
    }

    @Override
    public void fieldsUsed(Set<String> into) {
      into.add(name);
    }
  }

  /** Unary minus. */
  record Neg(int pos, Expr operand) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      Checks.expect(operand, fields, Type.NUMBER, "'-' needs a number");
      return Type.NUMBER;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      Object v = operand.eval(row);
      return v == null ? null : -(Double) v;
    }

    @Override
    public void fieldsUsed(Set<String> into) {
      operand.fieldsUsed(into);
    }
  }

  /** {@code + - * /}; null in, null out; a division by zero is null. */
  record Arith(int pos, char op, Expr left, Expr right) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      Checks.expect(left, fields, Type.NUMBER, "'" + op + "' needs numbers on both sides");
      Checks.expect(right, fields, Type.NUMBER, "'" + op + "' needs numbers on both sides");
      return Type.NUMBER;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      Object a = left.eval(row);
      Object b = right.eval(row);
      if (a == null || b == null) {
        return null;
      }
      double x = (Double) a;
      double y = (Double) b;
      double r =
          switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            default -> y == 0 ? Double.NaN : x / y;
          };
      return Double.isFinite(r) ? r : null;
    }

    @Override
    public void fieldsUsed(Set<String> into) {
      left.fieldsUsed(into);
      right.fieldsUsed(into);
    }
  }

  /** {@code == != < <= > >=} on two numbers or two texts; with a null it is false. */
  record Compare(int pos, String op, Expr left, Expr right) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      Type a = left.check(fields);
      Type b = right.check(fields);
      if (a == Type.BOOLEAN || b == Type.BOOLEAN) {
        throw new WhereException(pos, "'" + op + "' compares numbers or texts, not conditions");
      }
      if (a != b) {
        throw new WhereException(pos, "cannot compare " + a.noun() + " with " + b.noun());
      }
      return Type.BOOLEAN;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      Object a = left.eval(row);
      Object b = right.eval(row);
      if (a == null || b == null) {
        return false;
      }
      int c =
          a instanceof Double x
              ? Double.compare(x, (Double) b)
              : ((String) a).compareTo((String) b);
      if (a instanceof Double x && x.doubleValue() == (Double) b) {
        c = 0; // -0.0 == 0.0
      }
      return switch (op) {
        case "==" -> c == 0;
        case "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }

    @Override
    public void fieldsUsed(Set<String> into) {
      left.fieldsUsed(into);
      right.fieldsUsed(into);
    }
  }

  /** {@code &&} and {@code ||}, short-circuit. */
  record Logic(int pos, boolean and, Expr left, Expr right) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      String op = and ? "'&&'" : "'||'";
      Checks.expect(left, fields, Type.BOOLEAN, op + " joins conditions");
      Checks.expect(right, fields, Type.BOOLEAN, op + " joins conditions");
      return Type.BOOLEAN;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      boolean a = (Boolean) left.eval(row);
      if (and ? !a : a) {
        return a;
      }
      return right.eval(row);
    }

    @Override
    public void fieldsUsed(Set<String> into) {
      left.fieldsUsed(into);
      right.fieldsUsed(into);
    }
  }

  /** {@code !}. */
  record Not(int pos, Expr operand) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      Checks.expect(operand, fields, Type.BOOLEAN, "'!' needs a condition");
      return Type.BOOLEAN;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      return !(Boolean) operand.eval(row);
    }

    @Override
    public void fieldsUsed(Set<String> into) {
      operand.fieldsUsed(into);
    }
  }

  /** {@code value in [a, b, ...]}: true when the value equals one of the literals. */
  record In(int pos, Expr value, List<Expr> options) implements Expr {
    @Override
    public Type check(Map<String, Type> fields) {
      Type t = value.check(fields);
      if (t == Type.BOOLEAN) {
        throw new WhereException(pos, "'in' tests a number or a text, not a condition");
      }
      for (Expr o : options) {
        Checks.expect(
            o, fields, t, "the list of 'in' must hold " + t.noun() + " like its left side");
      }
      return Type.BOOLEAN;
    }

    @Override
    public Object eval(Function<String, Object> row) {
      Object v = value.eval(row);
      if (v == null) {
        return false;
      }
      for (Expr o : options) {
        if (v.equals(o.eval(row))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void fieldsUsed(Set<String> into) {
      value.fieldsUsed(into);
    }
  }

  /** Type-check helpers shared by the nodes. */
  final class Checks {
    private Checks() {}

    static void expect(Expr e, Map<String, Type> fields, Type want, String message) {
      Type got = e.check(fields);
      if (got != want) {
        throw new WhereException(e.pos(), message + ", not " + got.noun());
      }
    }
  }
}
