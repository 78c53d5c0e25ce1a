package org.confluentcollective.server.expressions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's format-spec mini-language for integers and text:
 * {@code [[fill]align][sign][z][#][0][width][,|_][.precision][type]}. Problems Python would
 * raise a ValueError for fail with {@link Broken}.
 */
final class FormatSpec {

    /** Longest result a field may produce (expressions.md section 4). */
    static final int MAX_LENGTH = 16384;

    private final String spec;
    private final char fill;
    private final boolean fillGiven;
    private final char align;
    private final char sign;
    private final boolean coerceZero;
    private final boolean alternate;
    private final boolean zero;
    private final int width;
    private final char grouping;
    private final int precision;
    private final char type;

    private FormatSpec(String spec) {
        this.spec = spec;
        int n = spec.length();
        int i = 0;
        char fillChar = ' ';
        boolean fillSeen = false;
        char alignChar = 0;
        if (n >= 2 && isAlign(spec.charAt(1))) {
            fillChar = spec.charAt(0);
            fillSeen = true;
            alignChar = spec.charAt(1);
            i = 2;
        } else if (n >= 1 && isAlign(spec.charAt(0))) {
            alignChar = spec.charAt(0);
            i = 1;
        }
        char signChar = 0;
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
            signChar = spec.charAt(i++);
        }
        boolean z = i < n && spec.charAt(i) == 'z';
        i += z ? 1 : 0;
        boolean alt = i < n && spec.charAt(i) == '#';
        i += alt ? 1 : 0;
        boolean zeroFlag = !fillSeen && i < n && spec.charAt(i) == '0';
        i += zeroFlag ? 1 : 0;
        int widthStart = i;
        while (i < n && Character.isDigit(spec.charAt(i)) && spec.charAt(i) < 128) {
            i++;
        }
        int widthValue = widthStart == i ? -1 : number(spec.substring(widthStart, i));
        char group = 0;
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            group = spec.charAt(i++);
            if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
                throw fail("cannot specify both ',' and '_'");
            }
        }
        int precisionValue = -1;
        if (i < n && spec.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(spec.charAt(i)) && spec.charAt(i) < 128) {
                i++;
            }
            if (start == i) {
                throw fail("missing precision after '.'");
            }
            precisionValue = number(spec.substring(start, i));
        }
        if (n - i > 1) {
            throw fail("invalid format spec");
        }
        this.fill = fillChar;
        this.fillGiven = fillSeen;
        this.align = alignChar;
        this.sign = signChar;
        this.coerceZero = z;
        this.alternate = alt;
        this.zero = zeroFlag;
        this.width = widthValue;
        this.grouping = group;
        this.precision = precisionValue;
        this.type = i < n ? spec.charAt(i) : 0;
    }

    static FormatSpec parse(String spec) {
        return new FormatSpec(spec);
    }

    /** Formats a field result: integers as numbers, numeric text as a number unless the type is 's'. */
    String format(Value value) {
        if (value instanceof Value.Text text) {
            BigInteger number = type == 's' ? null : Value.parseInteger(text.value());
            return number == null ? formatText(text.value()) : formatInteger(number);
        }
        return formatInteger(value.toInteger());
    }

    String formatText(String text) {
        if (type != 0 && type != 's') {
            throw fail("format code '" + type + "' does not apply to the text '" + text + "'");
        }
        if (sign != 0) {
            throw fail("a sign does not apply to text");
        }
        if (alternate || coerceZero) {
            throw fail("'" + (alternate ? '#' : 'z') + "' does not apply to text");
        }
        if (align == '=') {
            throw fail("'=' alignment does not apply to text");
        }
        if (grouping != 0) {
            throw fail("'" + grouping + "' does not apply to text");
        }
        String shown = precision >= 0 && precision < text.length() ? text.substring(0, precision) : text;
        return pad("", shown, align == 0 ? '<' : align, zero ? '0' : fill);
    }

    String formatInteger(BigInteger value) {
        char presentation = type == 0 ? 'd' : type;
        switch (presentation) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%':
                return formatFloat(value, presentation);
            case 'b', 'o', 'x', 'X', 'c', 'd', 'n':
                break;
            default:
                throw fail("format code '" + type + "' does not apply to the number " + value);
        }
        if (precision >= 0) {
            throw fail("a precision does not apply to whole numbers");
        }
        if (coerceZero) {
            throw fail("'z' does not apply to whole numbers");
        }
        if (grouping != 0 && (presentation == 'c' || presentation == 'n'
                || (grouping == ',' && "boxX".indexOf(presentation) >= 0))) {
            throw fail("'" + grouping + "' does not apply to format code '" + presentation + "'");
        }
        if (presentation == 'c') {
            if (sign != 0 || alternate) {
                throw fail("a sign or '#' does not apply to format code 'c'");
            }
            if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
                throw fail("'c' needs a number from 0 to 0x10FFFF");
            }
            return pad("", new String(Character.toChars(value.intValue())), alignOr('>'), padFill());
        }
        int radix = switch (presentation) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = value.abs().toString(radix);
        if (presentation == 'X') {
            digits = digits.toUpperCase();
        }
        String prefix = !alternate || radix == 10 ? "" : "0" + (presentation == 'o' ? 'o' : presentation == 'b' ? 'b' : presentation);
        int groupSize = radix == 10 ? 3 : 4;
        return number(value.signum() < 0, prefix, digits, "", groupSize);
    }

    private String formatFloat(BigInteger value, char presentation) {
        double number = value.doubleValue();
        if (Double.isInfinite(number)) {
            throw fail("the number is too large to format as a float");
        }
        if (presentation == '%') {
            number *= 100;
        }
        if (precision > MAX_LENGTH) {
            throw fail("the result would be longer than " + MAX_LENGTH + " characters");
        }
        int digits = precision < 0 ? 6 : precision;
        BigDecimal exact = new BigDecimal(number).abs();
        String text = switch (Character.toLowerCase(presentation)) {
            case 'e' -> scientific(exact, digits);
            case 'g' -> general(exact, digits);
            default -> exact.setScale(digits, RoundingMode.HALF_EVEN).toPlainString()
                    + (alternate && digits == 0 ? "." : "");
        };
        if (Character.isUpperCase(presentation)) {
            text = text.toUpperCase();
        }
        int intEnd = 0;
        while (intEnd < text.length() && Character.isDigit(text.charAt(intEnd))) {
            intEnd++;
        }
        return number(number < 0, "", text.substring(0, intEnd), text.substring(intEnd)
                + (presentation == '%' ? "%" : ""), 3);
    }

    private String scientific(BigDecimal exact, int digits) {
        String mantissa;
        int exponent;
        if (exact.signum() == 0) {
            mantissa = "0".repeat(digits + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = exact.round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            mantissa = rounded.unscaledValue().toString();
            exponent = rounded.precision() - rounded.scale() - 1;
            mantissa = (mantissa + "0".repeat(digits + 1)).substring(0, digits + 1);
        }
        String fraction = mantissa.substring(1);
        return mantissa.charAt(0) + (fraction.isEmpty() && !alternate ? "" : ".") + fraction + exponent(exponent);
    }

    private String general(BigDecimal exact, int requested) {
        int digits = requested == 0 ? 1 : requested;
        String mantissa;
        int exponent;
        if (exact.signum() == 0) {
            mantissa = "0".repeat(digits);
            exponent = 0;
        } else {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
            mantissa = (rounded.unscaledValue().toString() + "0".repeat(digits)).substring(0, digits);
        }
        String whole;
        String fraction;
        String suffix = "";
        if (exponent >= -4 && exponent < digits) {
            if (exponent >= 0) {
                whole = mantissa.substring(0, exponent + 1);
                fraction = mantissa.substring(exponent + 1);
            } else {
                whole = "0";
                fraction = "0".repeat(-exponent - 1) + mantissa;
            }
        } else {
            whole = mantissa.substring(0, 1);
            fraction = mantissa.substring(1);
            suffix = exponent(exponent);
        }
        if (!alternate) {
            fraction = fraction.replaceAll("0+$", "");
        }
        return whole + (fraction.isEmpty() && !alternate ? "" : ".") + fraction + suffix;
    }

    private static String exponent(int exponent) {
        String digits = Integer.toString(Math.abs(exponent));
        return "e" + (exponent < 0 ? "-" : "+") + (digits.length() < 2 ? "0" : "") + digits;
    }

    /** Sign, prefix and grouped digits, padded; zero padding with '=' is grouped like Python does. */
    private String number(boolean negative, String prefix, String digits, String rest, int groupSize) {
        String signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
        char alignment = alignOr('>');
        char padding = padFill();
        if (width > MAX_LENGTH) {
            throw fail("the result would be longer than " + MAX_LENGTH + " characters");
        }
        if (alignment == '=' && padding == '0') {
            int minimum = width - signText.length() - prefix.length() - rest.length();
            return signText + prefix + group(digits, groupSize, minimum) + rest;
        }
        String body = group(digits, groupSize, 0) + rest;
        return pad(signText + prefix, body, alignment, padding);
    }

    /** Digits with the grouping separator, zero-filled to at least {@code minimum} characters. */
    private String group(String digits, int size, int minimum) {
        if (grouping == 0) {
            return digits.length() >= minimum ? digits : "0".repeat(minimum - digits.length()) + digits;
        }
        StringBuilder reversed = new StringBuilder();
        int remaining = digits.length();
        int left = minimum;
        boolean separator = false;
        while (true) {
            int length = Math.min(size, Math.max(Math.max(remaining, left), 1));
            int zeros = Math.max(0, length - remaining);
            int chars = Math.max(0, Math.min(remaining, length));
            if (separator) {
                reversed.append(grouping);
            }
            for (int k = 0; k < chars; k++) {
                reversed.append(digits.charAt(remaining - 1 - k));
            }
            reversed.append("0".repeat(zeros));
            separator = true;
            remaining -= chars;
            left -= length;
            if (remaining <= 0 && left <= 0) {
                break;
            }
            left -= 1;
        }
        return reversed.reverse().toString();
    }

    /** Pads {@code lead + body} to the width; with '=' the padding goes between lead and body. */
    private String pad(String lead, String body, char alignment, char padding) {
        if (width > MAX_LENGTH) {
            throw fail("the result would be longer than " + MAX_LENGTH + " characters");
        }
        int missing = width - lead.length() - body.length();
        if (missing <= 0) {
            return lead + body;
        }
        String all = String.valueOf(padding);
        return switch (alignment) {
            case '<' -> lead + body + all.repeat(missing);
            case '^' -> all.repeat(missing / 2) + lead + body + all.repeat(missing - missing / 2);
            case '=' -> lead + all.repeat(missing) + body;
            default -> all.repeat(missing) + lead + body;
        };
    }

    private char alignOr(char defaultAlign) {
        if (align != 0) {
            return align;
        }
        return zero ? '=' : defaultAlign;
    }

    private char padFill() {
        return zero && !fillGiven ? '0' : fill;
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private int number(String digits) {
        if (digits.length() > 9) {
            throw fail("the result would be longer than " + MAX_LENGTH + " characters");
        }
        return Integer.parseInt(digits);
    }

    private Broken fail(String problem) {
        return new Broken("format spec '" + spec + "': " + problem);
    }
}
