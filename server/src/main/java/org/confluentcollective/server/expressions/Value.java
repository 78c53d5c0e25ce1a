package org.confluentcollective.server.expressions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** What a field expression computes: an integer, a text, or a float literal (truncated when used). */
sealed interface Value {

    /** Python's int() of text: blanks around, a sign, digits with single underscores between. */
    Pattern NUMERIC_TEXT = Pattern.compile("[ \\t\\n\\r\\f\\u000b]*[+-]?[0-9]+(?:_[0-9]+)*[ \\t\\n\\r\\f\\u000b]*");

    record Int(BigInteger value) implements Value {
    }

    record Text(String value) implements Value {
    }

    record Real(double value) implements Value {
    }

    /** The integer arithmetic uses: numbers as they are, floats truncated, numeric text parsed. */
    default BigInteger toInteger() {
        if (this instanceof Int i) {
            return i.value();
        }
        if (this instanceof Real r) {
            if (Double.isNaN(r.value()) || Double.isInfinite(r.value())) {
                throw new Broken("cannot use " + r.value() + " as a number");
            }
            return new BigDecimal(r.value()).toBigInteger();
        }
        String text = ((Text) this).value();
        BigInteger number = parseInteger(text);
        if (number == null) {
            throw new Broken("'" + text + "' is not a number");
        }
        return number;
    }

    /** The integer a text spells (Python int()), or null. */
    static BigInteger parseInteger(String text) {
        if (!NUMERIC_TEXT.matcher(text).matches()) {
            return null;
        }
        String digits = text.strip().replace("_", "");
        return new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
    }

    /** How the value reads without a format spec: text stays text, numbers print as integers. */
    default String render() {
        return this instanceof Text t ? t.value() : toInteger().toString();
    }
}
