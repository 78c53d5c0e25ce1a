package org.confluentcollective.server.expressions;

import java.math.BigInteger;

/** Python integer arithmetic: floor division, modulo with the divisor's sign, shifts, bitwise. */
final class Arithmetic {

    private Arithmetic() {
    }

    static BigInteger apply(String operator, BigInteger left, BigInteger right, int maxBits) {
        BigInteger result = switch (operator) {
            case "+" -> left.add(right);
            case "-" -> left.subtract(right);
            case "*" -> {
                if ((long) left.bitLength() + right.bitLength() > maxBits) {
                    throw tooLarge();
                }
                yield left.multiply(right);
            }
            case "/" -> floorDivide(left, right);
            case "%" -> floorModulo(left, right);
            case "<<" -> shiftLeft(left, right, maxBits);
            case ">>" -> shiftRight(left, right);
            case "&" -> left.and(right);
            case "^" -> left.xor(right);
            case "|" -> left.or(right);
            default -> throw new Broken("operator '" + operator + "' is not supported");
        };
        if (result.bitLength() > maxBits) {
            throw tooLarge();
        }
        return result;
    }

    static BigInteger floorDivide(BigInteger left, BigInteger right) {
        BigInteger[] qr = divide(left, right);
        return qr[1].signum() != 0 && qr[1].signum() != right.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    static BigInteger floorModulo(BigInteger left, BigInteger right) {
        BigInteger remainder = divide(left, right)[1];
        return remainder.signum() != 0 && remainder.signum() != right.signum() ? remainder.add(right) : remainder;
    }

    private static BigInteger[] divide(BigInteger left, BigInteger right) {
        if (right.signum() == 0) {
            throw new Broken("division by zero");
        }
        return left.divideAndRemainder(right);
    }

    private static BigInteger shiftLeft(BigInteger value, BigInteger count, int maxBits) {
        if (count.signum() < 0) {
            throw new Broken("negative shift count");
        }
        if (value.signum() == 0) {
            return value;
        }
        if (count.bitLength() > 31 || value.bitLength() + count.intValue() > maxBits) {
            throw tooLarge();
        }
        return value.shiftLeft(count.intValue());
    }

    private static BigInteger shiftRight(BigInteger value, BigInteger count) {
        if (count.signum() < 0) {
            throw new Broken("negative shift count");
        }
        if (count.bitLength() > 31) {
            return value.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO;
        }
        return value.shiftRight(count.intValue());
    }

    private static Broken tooLarge() {
        return new Broken("number too large");
    }
}
