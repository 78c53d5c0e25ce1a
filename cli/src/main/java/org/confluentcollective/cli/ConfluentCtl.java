package org.confluentcollective.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.confluentcollective.cli.archive.DumpCommand;
import org.confluentcollective.cli.archive.ImportCommand;
import org.confluentcollective.cli.archive.RestoreCommand;
import org.confluentcollective.cli.collate.CollateCommand;
import org.confluentcollective.cli.collective.CollectiveCommand;
import org.confluentcollective.cli.deploy.NodeDeployCommand;
import org.confluentcollective.cli.discover.NodeDiscoverCommand;
import org.confluentcollective.cli.deploy.OsDeployCommand;
import org.confluentcollective.cli.groups.NodeGroupAttribCommand;
import org.confluentcollective.cli.groups.NodeGroupDefineCommand;
import org.confluentcollective.cli.groups.NodeGroupListCommand;
import org.confluentcollective.cli.groups.NodeGroupRemoveCommand;
import org.confluentcollective.cli.groups.NodeGroupRenameCommand;
import org.confluentcollective.cli.hardware.NodeBootCommand;
import org.confluentcollective.cli.hardware.NodeHealthCommand;
import org.confluentcollective.cli.hardware.NodeIdentifyCommand;
import org.confluentcollective.cli.hardware.NodeInventoryCommand;
import org.confluentcollective.cli.hardware.NodePowerCommand;
import org.confluentcollective.cli.hardware.NodeSensorsCommand;
import org.confluentcollective.cli.hardware.NodeSetBootCommand;
import org.confluentcollective.cli.nodes.NodeAttribCommand;
import org.confluentcollective.cli.nodes.NodeDefineCommand;
import org.confluentcollective.cli.nodes.NodeListCommand;
import org.confluentcollective.cli.nodes.NodeRemoveCommand;
import org.confluentcollective.cli.nodes.NodeRenameCommand;
import org.confluentcollective.cli.output.Output;
import org.confluentcollective.cli.parallel.NodePingCommand;
import org.confluentcollective.cli.parallel.NodeRunCommand;
import org.confluentcollective.cli.parallel.NodeShellCommand;
import org.confluentcollective.cli.output.OutputFormat;
import org.confluentcollective.cli.transport.Endpoint;
import org.confluentcollective.cli.transport.Fingerprint;
import org.confluentcollective.cli.users.UserCommand;
import org.confluentcollective.cli.zk.ZkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code confluentctl}: the administrator's command line for confluentd. */
@Command(name = "confluentctl", scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Manages nodes, their hardware, groups and users of a confluent-collective cluster through confluentd.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:the server refused the request, a node reported an error, local input or the command line was wrong",
            "3:confluentd could not be reached, or its certificate is not the trusted one",
            "4:authentication failed, or the user's role does not allow the request"},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  CONFLUENT_SOCKET        the local socket, like --socket",
            "  CONFLUENT_HOST          HOST[:PORT] to reach over HTTPS, like --host; an absolute path is a socket",
            "  CONFLUENT_USER          the user for HTTPS, like --user",
            "  CONFLUENT_PASSWORD      the password for HTTPS (else prompted for); CONFLUENT_PASSPHRASE too",
            "  CONFLUENT_FINGERPRINT   the member's certificate fingerprint, like --fingerprint",
            "  CONFLUENT_NEW_PASSWORD  the password for 'user add' and 'user passwd'",
            "  CONFLUENT_DUMP_PASSPHRASE  the passphrase of 'dump', 'restore' and 'import'",
            "",
            "Over HTTPS the member's self-signed certificate is pinned: by --fingerprint,",
            "or trusted on first use and recorded in ~/.config/confluentctl/known_hosts",
            "(like ssh); a changed certificate is refused.",
            "Original tool names work too: nodeattrib ARGS is confluentctl nodeattrib ARGS.",
            "Bash completion: source <(confluentctl completion)"})
public final class ConfluentCtl {

    /**
     * The subcommands, in the order {@code --help} lists them. A command line naming one of them
     * builds picocli's model of that one only (see {@link #commandLine(ConfluentCtl, String[])}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            NodeDefineCommand.class, NodeAttribCommand.class, NodeListCommand.class,
            NodeRemoveCommand.class, NodeRenameCommand.class,
            NodeGroupDefineCommand.class, NodeGroupAttribCommand.class, NodeGroupListCommand.class,
            NodeGroupRemoveCommand.class, NodeGroupRenameCommand.class,
            NodePowerCommand.class, NodeSetBootCommand.class, NodeBootCommand.class, NodeIdentifyCommand.class,
            NodeInventoryCommand.class, NodeHealthCommand.class, NodeSensorsCommand.class,
            OsDeployCommand.class, NodeDeployCommand.class, NodeDiscoverCommand.class,
            NodeShellCommand.class, NodeRunCommand.class, NodePingCommand.class, CollateCommand.class,
            UserCommand.class, CollectiveCommand.class, ZkCommand.class,
            DumpCommand.class, RestoreCommand.class, ImportCommand.class,
            CompletionCommand.class, NamesCommand.class, HelpCommand.class);

    /** The subcommands that need the whole tree: they describe the other commands. */
    private static final Set<String> DESCRIBING = Set.of("help", "completion");

    /** The root's options that take a value, as a separate argument when not written --opt=value. */
    private static final Set<String> VALUE_OPTIONS = Set.of("--socket", "--host", "--user", "--fingerprint",
            "-o", "--output");

    @Option(names = "--socket", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "confluentd's local socket (default: $CONFLUENT_SOCKET or "
                    + "/var/run/confluent-collective/api.sock)")
    private Path socket;

    @Option(names = "--host", paramLabel = "HOST[:PORT]", scope = ScopeType.INHERIT,
            converter = Converters.HostConverter.class,
            description = "reach a member over HTTPS instead (default port 4005; env CONFLUENT_HOST)")
    private Endpoint.Https host;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "user for HTTPS (env CONFLUENT_USER); the password comes from CONFLUENT_PASSWORD "
                    + "or is prompted for")
    private String user;

    @Option(names = "--fingerprint", paramLabel = "SHA256", scope = ScopeType.INHERIT,
            converter = Converters.FingerprintConverter.class,
            description = "the member certificate's SHA-256 fingerprint (env CONFLUENT_FINGERPRINT)")
    private Fingerprint fingerprint;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            converter = Converters.OutputFormatConverter.class,
            description = "text (default) or json: the server's answers, merged per node")
    private OutputFormat format = OutputFormat.TEXT;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "show stack traces of failures")
    private boolean debug;

    private final Environment environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private Invocation invocation;

    private ConfluentCtl(Environment environment, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** A root for tests of the command tree. */
    static ConfluentCtl forTests(Environment environment, PrintWriter out, PrintWriter err) {
        return new ConfluentCtl(environment, out, err);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Interruption interruption = Interruption.install(err);
        int status = run(Environment.system(), out, err, args);
        interruption.finished();
        System.exit(status);
    }

    /** Runs one command line and returns the exit status; nothing is left open afterwards. */
    public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        ConfluentCtl root = new ConfluentCtl(environment, out, err);
        try {
            return commandLine(root, args).execute(args);
        } finally {
            if (root.invocation != null) {
                root.invocation.close();
            }
            out.flush();
            err.flush();
        }
    }

    /** The whole command tree; also what {@code completion} describes. */
    static CommandLine commandLine(ConfluentCtl root) {
        return commandLine(root, SUBCOMMANDS);
    }

    /**
     * The command tree for {@code args}: the root and only the subcommand they name, when they name
     * one (picocli's model of all the subcommands takes longer to build than most calls take to run);
     * else the whole tree, for the root's help and for unknown commands.
     */
    static CommandLine commandLine(ConfluentCtl root, String[] args) {
        String name = subcommandName(args);
        if (name != null && !DESCRIBING.contains(name)) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (name.equals(subcommand.getAnnotation(Command.class).name())) {
                    return commandLine(root, List.of(subcommand));
                }
            }
        }
        return commandLine(root, SUBCOMMANDS);
    }

    private static CommandLine commandLine(ConfluentCtl root, List<Class<?>> subcommands) {
        FailureReporter reporter = new FailureReporter(() -> root.debug);
        CommandLine commandLine = new CommandLine(root);
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(root.out)
                .setErr(root.err)
                .setExecutionExceptionHandler(reporter)
                .setParameterExceptionHandler(reporter);
        // as the originals: what follows the noderange is the command, options included (nodeshell n1 ls -l)
        for (String runner : new String[] {"nodeshell", "noderun"}) {
            CommandLine command = commandLine.getSubcommands().get(runner);
            if (command != null) {
                command.setStopAtPositional(true);
            }
        }
        return commandLine;
    }

    /** The first argument that is not one of the root's options or their values: the subcommand's name. */
    static String subcommandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (VALUE_OPTIONS.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    /** The state of this run, for the command being executed (options are parsed by then). */
    Invocation invocation() {
        if (invocation == null) {
            Output output = new Output(format, out, err, new ObjectMapper());
            invocation = new Invocation(environment, new ConnectionOptions(socket, host, user, fingerprint), output);
        }
        return invocation;
    }
}
