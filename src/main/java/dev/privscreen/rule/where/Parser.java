package dev.privscreen.rule.where;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written recursive-descent parser for {@code --where} (SPEC §4):
 *
 * <pre>
 * or      = and ("||" and)*
 * and     = not ("&&" not)*
 * not     = "!" not | compare
 * compare = sum [("==" | "!=" | "<" | "<=" | ">" | ">=") sum | "in" "[" literal ("," literal)* "]"]
 * sum     = product (("+" | "-") product)*
 * product = unary (("*" | "/") unary)*
 * unary   = "-" unary | primary
 * primary = number [k|M|B] | "string" | 'string' | field | "(" or ")"
 * </pre>
 *
 * Errors name the 1-based column: {@code --where: at 13: expected a value after '>'}. An expression
 * is bounded ({@link #MAX_TOKENS} tokens, {@link #MAX_NESTING} levels of parentheses, {@code !} and
 * {@code -}): parsing and evaluating recurse, and a runaway expression must be a usage error, never
 * a stack overflow.
 */
public final class Parser {
  private enum Kind {
    NUMBER,
    STRING,
    IDENT,
    OP,
    END
  }

  private record Token(Kind kind, String text, int pos, double number) {}

  /** Far more than any filter a person writes; the evaluator's recursion stays shallow. */
  public static final int MAX_TOKENS = 1000;

  public static final int MAX_NESTING = 64;

  private final String src;
  private final List<Token> tokens;
  private int i;
  private int nesting;

  private Parser(String src) {
    this.src = src;
    this.tokens = lex(src);
  }

  /**
   * Parses one expression.
   *
   * @throws WhereException with the column of the problem
   */
  public static Expr parse(String text) {
    Parser p = new Parser(text);
    if (p.tokens.size() - 1 > MAX_TOKENS) {
      throw new WhereException(
          "the expression has "
              + (p.tokens.size() - 1)
              + " tokens; at most "
              + MAX_TOKENS
              + " are allowed (split it into several --where)");
    }
    if (p.peek().kind == Kind.END) {
      throw new WhereException("the expression is empty (e.g. 'gain_7d_pct >= 100')");
    }
    Expr e = p.or();
    Token t = p.peek();
    if (t.kind != Kind.END) {
      throw new WhereException(t.pos, "unexpected '" + t.text + "'" + p.after());
    }
    return e;
  }

  private String after() {
    return i > 0 ? " after '" + tokens.get(i - 1).text + "'" : "";
  }

  private Token peek() {
    return tokens.get(i);
  }

  private boolean at(String op) {
    Token t = peek();
    return (t.kind == Kind.OP || t.kind == Kind.IDENT) && t.text.equals(op);
  }

  private Token next() {
    return tokens.get(i++);
  }

  private Expr or() {
    Expr e = and();
    while (at("||")) {
      Token op = next();
      e = new Expr.Logic(op.pos, false, e, and());
    }
    return e;
  }

  private Expr and() {
    Expr e = not();
    while (at("&&")) {
      Token op = next();
      e = new Expr.Logic(op.pos, true, e, not());
    }
    return e;
  }

  private Expr not() {
    if (at("!")) {
      Token op = next();
      enter(op);
      Expr e = new Expr.Not(op.pos, not());
      nesting--;
      return e;
    }
    return compare();
  }

  /** One level deeper; past {@link #MAX_NESTING} a usage error at that token. */
  private void enter(Token t) {
    if (++nesting > MAX_NESTING) {
      throw new WhereException(
          t.pos, "nested more than " + MAX_NESTING + " levels deep ('(', '!' or '-')");
    }
  }

  private Expr compare() {
    Expr left = sum();
    Token t = peek();
    if (t.kind == Kind.OP && List.of("==", "!=", "<", "<=", ">", ">=").contains(t.text)) {
      next();
      return new Expr.Compare(t.pos, t.text, left, sum());
    }
    if (t.kind == Kind.IDENT && t.text.equals("in")) {
      next();
      expect("[");
      List<Expr> options = new ArrayList<>();
      do {
        Token v = peek();
        Expr lit = literal();
        if (lit == null) {
          throw new WhereException(v.pos, "expected a number or a string in the list" + after());
        }
        options.add(lit);
      } while (accept(","));
      expect("]");
      return new Expr.In(t.pos, left, options);
    }
    return left;
  }

  private Expr sum() {
    Expr e = product();
    while (at("+") || at("-")) {
      Token op = next();
      e = new Expr.Arith(op.pos, op.text.charAt(0), e, product());
    }
    return e;
  }

  private Expr product() {
    Expr e = unary();
    while (at("*") || at("/")) {
      Token op = next();
      e = new Expr.Arith(op.pos, op.text.charAt(0), e, unary());
    }
    return e;
  }

  private Expr unary() {
    if (at("-")) {
      Token op = next();
      enter(op);
      Expr e = new Expr.Neg(op.pos, unary());
      nesting--;
      return e;
    }
    return primary();
  }

  private Expr primary() {
    Token t = peek();
    Expr lit = literal();
    if (lit != null) {
      return lit;
    }
    if (t.kind == Kind.IDENT && !t.text.equals("in")) {
      next();
      return new Expr.Field(t.pos, t.text);
    }
    if (at("(")) {
      enter(next());
      Expr e = or();
      expect(")");
      nesting--;
      return e;
    }
    if (t.kind == Kind.END) {
      // point at what wanted the value: "at 13: expected a value after '>'"
      int pos = i > 0 ? tokens.get(i - 1).pos : t.pos;
      throw new WhereException(pos, "expected a value" + after());
    }
    throw new WhereException(t.pos, "expected a value" + after() + ", found '" + t.text + "'");
  }

  private Expr literal() {
    Token t = peek();
    if (t.kind == Kind.NUMBER) {
      next();
      return new Expr.Num(t.pos, t.number);
    }
    if (t.kind == Kind.STRING) {
      next();
      return new Expr.Str(t.pos, t.text);
    }
    return null;
  }

  private boolean accept(String op) {
    if (at(op)) {
      next();
      return true;
    }
    return false;
  }

  private void expect(String op) {
    if (!accept(op)) {
      Token t = peek();
      throw new WhereException(
          t.pos,
          "expected '"
              + op
              + "'"
              + after()
              + (t.kind == Kind.END ? ", found the end" : ", found '" + t.text + "'"));
    }
  }

  private static List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int k = 0;
    while (k < n) {
      char c = s.charAt(k);
      int pos = k + 1;
      if (Character.isWhitespace(c)) {
        k++;
      } else if (Character.isDigit(c)
          || (c == '.' && k + 1 < n && Character.isDigit(s.charAt(k + 1)))) {
        int start = k;
        while (k < n && (Character.isDigit(s.charAt(k)) || s.charAt(k) == '.')) {
          k++;
        }
        if (k < n
            && (s.charAt(k) == 'e' || s.charAt(k) == 'E')
            && k + 1 < n
            && (Character.isDigit(s.charAt(k + 1))
                || ((s.charAt(k + 1) == '+' || s.charAt(k + 1) == '-')
                    && k + 2 < n
                    && Character.isDigit(s.charAt(k + 2))))) {
          k += 2;
          while (k < n && Character.isDigit(s.charAt(k))) {
            k++;
          }
        }
        String digits = s.substring(start, k);
        double scale = 1;
        if (k < n
            && "kMB".indexOf(s.charAt(k)) >= 0
            && (k + 1 == n || !Character.isLetterOrDigit(s.charAt(k + 1)))) {
          scale = s.charAt(k) == 'k' ? 1e3 : s.charAt(k) == 'M' ? 1e6 : 1e9;
          k++;
        }
        if (k < n && (Character.isLetter(s.charAt(k)) || s.charAt(k) == '_')) {
          throw new WhereException(
              pos, "'" + s.substring(start, k + 1) + "' is not a number (suffixes: k, M, B)");
        }
        double v;
        try {
          v = Double.parseDouble(digits) * scale;
        } catch (NumberFormatException e) {
          throw new WhereException(pos, "'" + digits + "' is not a number");
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, k), pos, v));
      } else if (Character.isLetter(c) || c == '_') {
        int start = k;
        while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
          k++;
        }
        out.add(new Token(Kind.IDENT, s.substring(start, k), pos, 0));
      } else if (c == '"' || c == '\'') {
        StringBuilder b = new StringBuilder();
        k++;
        while (true) {
          if (k >= n) {
            throw new WhereException(pos, "unterminated string");
          }
          char d = s.charAt(k++);
          if (d == c) {
            break;
          }
          if (d == '\\' && k < n) {
            d = s.charAt(k++);
          }
          b.append(d);
        }
        out.add(new Token(Kind.STRING, b.toString(), pos, 0));
      } else {
        String two = k + 1 < n ? s.substring(k, k + 2) : "";
        if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
          out.add(new Token(Kind.OP, two, pos, 0));
          k += 2;
        } else if ("+-*/<>!()[],".indexOf(c) >= 0) {
          out.add(new Token(Kind.OP, String.valueOf(c), pos, 0));
          k++;
        } else if (c == '=' || c == '&' || c == '|') {
          throw new WhereException(pos, "unexpected '" + c + "' (did you mean '" + c + c + "'?)");
        } else {
          throw new WhereException(pos, "unexpected '" + c + "'");
        }
      }
    }
    out.add(new Token(Kind.END, "", n + 1, 0));
    return out;
  }

  @Override
  public String toString() {
    return src;
  }
}
