package org.confluentcollective.server.noderange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.confluentcollective.server.noderange.Expr.Atom;
import org.confluentcollective.server.noderange.Expr.Chain;
import org.confluentcollective.server.noderange.Expr.Pagination;
import org.confluentcollective.server.noderange.Expr.Step;

/** Evaluates a parsed noderange strictly left to right, resolving atoms through a {@link Resolver}. */
final class Evaluator {

    /** Turns one atom into the set it stands for; the set is only read, never changed. */
    interface Resolver {
        Set<String> resolve(Atom atom);
    }

    private Evaluator() {
    }

    /** The set an expression stands for; callers must not change it (it may be a group's member set). */
    static Set<String> evaluate(Expr expr, Resolver resolver) {
        if (expr instanceof Atom atom) {
            return resolver.resolve(atom);
        }
        Chain chain = (Chain) expr;
        Set<String> result = new HashSet<>(evaluate(chain.first(), resolver));
        for (Step step : chain.steps()) {
            Set<String> operand = evaluate(step.operand(), resolver);
            switch (step.operator()) {
                case UNION -> result.addAll(operand);
                case EXCLUDE -> exclude(result, operand);
                case INTERSECT -> result = intersect(result, operand);
            }
        }
        return result;
    }

    /** Natural order, then {@code <skip} and {@code >keep} (skip first, whatever the written order). */
    static List<String> sortAndPage(Set<String> names, Pagination pagination) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(new NaturalOrder());
        if (pagination.isNone()) {
            return sorted;
        }
        int from = (int) Math.min(pagination.skip(), sorted.size());
        int to = pagination.keep() < 0 ? sorted.size() : (int) Math.min(sorted.size(), from + Math.min(pagination.keep(), sorted.size()));
        return new ArrayList<>(sorted.subList(from, to));
    }

    private static void exclude(Set<String> result, Set<String> operand) {
        if (operand.size() < result.size()) {
            for (String name : operand) {
                result.remove(name);
            }
        } else {
            result.removeIf(operand::contains);
        }
    }

    private static Set<String> intersect(Set<String> result, Set<String> operand) {
        if (result.size() <= operand.size()) {
            result.removeIf(name -> !operand.contains(name));
            return result;
        }
        Set<String> smaller = new HashSet<>();
        for (String name : operand) {
            if (result.contains(name)) {
                smaller.add(name);
            }
        }
        return smaller;
    }
}
