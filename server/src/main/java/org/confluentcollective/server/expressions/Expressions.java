package org.confluentcollective.server.expressions;

import java.util.Objects;
import java.util.Optional;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.expressions.ExpressionContext.StoredAttribute;
import org.confluentcollective.server.expressions.Template.Field;

/** Classifies, checks and evaluates attribute expressions (shared/spec/expressions.md). */
public final class Expressions {

    /** Longest format spec accepted at set time. */
    private static final int MAX_SPEC_LENGTH = 8;

    private final AttributeCatalog catalog;
    private final ParseCache parsed = new ParseCache();

    public Expressions(AttributeCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog);
    }

    /**
     * Decides whether a plain submitted string is a value or an expression.
     *
     * @throws ExpressionException when the text is rejected (unmatched brace, bad conversion, ...)
     */
    public SubmittedText classify(String text) {
        Template template = parse(text);
        if (!template.hasFields()) {
            return new SubmittedText(template.literalText(), false);
        }
        checkFields(template, text);
        return new SubmittedText(text, true);
    }

    /**
     * Like {@link #classify(String)} for a given attribute: secrets and hashes ({@code secret.*},
     * {@code crypted.*}, {@code custom.nodesecret.*} and their aliases) are never expressions and
     * are stored exactly as submitted.
     */
    public SubmittedText classify(String attribute, String text) {
        return isNeverExpression(attribute) ? new SubmittedText(text, false) : classify(text);
    }

    /**
     * Checks a template submitted explicitly as {@code {"expression": ...}}.
     *
     * @throws ExpressionException when it would be rejected at set time
     */
    public void check(String template) {
        checkFields(parse(template), template);
    }

    /**
     * Like {@link #check(String)} for a given attribute: secrets and hashes cannot be expressions.
     *
     * @throws ExpressionException when it would be rejected at set time
     */
    public void check(String attribute, String template) {
        if (isNeverExpression(attribute)) {
            throw new ExpressionException(attribute + " holds a secret and cannot be an expression");
        }
        check(template);
    }

    /** Evaluates a template for one node; never throws for a broken expression, never hangs on cycles. */
    public Evaluation evaluate(String node, String template, ExpressionContext context) {
        return run(() -> new TemplateEvaluator(node, context, catalog, parsed).render(template));
    }

    /**
     * Evaluates one of the node's stored attributes (own or inherited): a plain value as it is,
     * an expression for this node. Unset reads as empty text. Unlike {@link #evaluate}, a cycle
     * through this attribute is reported as such rather than as a broken reference.
     */
    public Evaluation evaluateAttribute(String node, String attribute, ExpressionContext context) {
        Optional<StoredAttribute> stored = context.attribute(node, attribute);
        if (stored.isPresent() && !stored.get().isExpression()) {
            return Evaluation.ofValue(stored.get().value() == null ? "" : stored.get().value());
        }
        return run(() -> new TemplateEvaluator(node, context, catalog, parsed).attribute(attribute));
    }

    private static Evaluation run(java.util.function.Supplier<String> evaluation) {
        try {
            return Evaluation.ofValue(evaluation.get());
        } catch (Broken broken) {
            return Evaluation.ofBroken(broken.getMessage());
        } catch (StackOverflowError e) {
            return Evaluation.ofBroken("expression nested too deeply");
        }
    }

    private boolean isNeverExpression(String attribute) {
        return catalog.isSecret(attribute) || catalog.isCrypted(attribute);
    }

    private static Template parse(String text) {
        try {
            return Template.parse(text);
        } catch (TemplateSyntaxException e) {
            throw new ExpressionException("bad expression '" + text + "': " + e.getMessage());
        }
    }

    private static void checkFields(Template template, String text) {
        for (Field field : template.allFields()) {
            char conversion = field.conversion();
            if (conversion == 'r' || conversion == 'a') {
                throw new ExpressionException("bad expression '" + text + "': conversion '!" + conversion
                        + "' at column " + field.column() + " is not supported; use '!s' or none");
            }
            if (conversion != 0 && conversion != 's') {
                throw new ExpressionException("bad expression '" + text + "': unknown conversion '!" + conversion
                        + "' at column " + field.column() + "; use '!s' or none");
            }
            if (field.rawSpec() != null && field.rawSpec().length() > MAX_SPEC_LENGTH) {
                throw new ExpressionException("bad expression '" + text + "': format spec '" + field.rawSpec()
                        + "' is longer than " + MAX_SPEC_LENGTH + " characters");
            }
        }
    }
}
