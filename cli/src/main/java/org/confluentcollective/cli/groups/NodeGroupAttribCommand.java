package org.confluentcollective.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.attributes.AttributeChanges;
import org.confluentcollective.cli.attributes.ChangeOptions;
import org.confluentcollective.cli.output.AttributePrinter;
import org.confluentcollective.cli.output.NodeFields;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodegroupattrib}: shows or changes a group's attributes (which its nodes inherit). */
@Command(name = "nodegroupattrib",
        description = {"Shows or changes attributes of a node group; its nodes inherit them.",
            "  nodegroupattrib G                 attributes set on the group, and its nodes",
            "  nodegroupattrib G all | ATTR...   every attribute, or the named ones (globs allowed)",
            "  nodegroupattrib G a=v b,=x c^=x   set (one request); prints nothing on success",
            "  nodegroupattrib -c G ATTR...      clear; -e from environment; -p prompt"})
public final class NodeGroupAttribCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "the group")
    private String group;

    @Parameters(index = "1..*", paramLabel = "ATTRIBUTE",
            description = "names to show (or all, current), or attribute=value to set")
    private List<String> arguments = new ArrayList<>();

    @Option(names = {"-b", "--blame"}, description = "tell which values derive from expressions")
    private boolean blame;

    @Mixin
    private ChangeOptions changeOptions;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        Optional<AttributeChanges> changes;
        try {
            changes = changeOptions.resolve(arguments, invocation().environment());
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        if (changes.isPresent()) {
            return change(changes.get());
        }
        return show();
    }

    private int change(AttributeChanges changes) throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().put(GroupPaths.attributes(group, "all"), changes.toJson());
        if (output().json()) {
            output().printJson(answer);
        }
        NodeFields.warnings(answer).forEach(w -> output().warning(null, w));
        return ExitCode.OK;
    }

    private int show() throws CliException, ApiException, ConnectionException {
        boolean current = arguments.isEmpty() || arguments.equals(List.of("current"));
        boolean everything = current || arguments.equals(List.of("all"));
        ObjectNode attributes = (ObjectNode) api().get(GroupPaths.attributes(group, current ? "current" : "all"));
        boolean failed = false;
        if (!everything) {
            failed = keepOnly(attributes);
        }
        if (output().json()) {
            output().printJson(attributes);
        } else {
            new AttributePrinter(output(), blame).printOwner(group, attributes);
        }
        return status(failed);
    }

    /**
     * Narrows the answer to the requested names and globs; a name the server does not know is
     * reported like the server reports unknown attributes.
     *
     * @return whether some name was unknown
     */
    private boolean keepOnly(ObjectNode attributes) {
        boolean failed = false;
        for (String name : arguments) {
            if (!isGlob(name) && !attributes.has(name)) {
                output().error(null, name + " attribute is invalid");
                failed = true;
            }
        }
        List<Pattern> wanted = arguments.stream().map(NodeGroupAttribCommand::globPattern).toList();
        for (Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields(); fields.hasNext(); ) {
            String name = fields.next().getKey();
            if (NodeFields.isAttribute(name) && wanted.stream().noneMatch(p -> p.matcher(name).matches())) {
                fields.remove();
            }
        }
        return failed;
    }

    private static boolean isGlob(String name) {
        return name.chars().anyMatch(c -> c == '*' || c == '?');
    }

    /** {@code net.*switch} → a pattern; {@code *} and {@code ?} are the only wildcards. */
    private static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("(?=[*?])|(?<=[*?])")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString());
    }
}
