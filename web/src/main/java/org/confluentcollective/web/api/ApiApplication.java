package org.confluentcollective.web.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.confluentcollective.server.api.CollectiveAdministration;
import org.confluentcollective.server.api.DatabaseArchive;
import org.confluentcollective.server.api.DeploymentProfiles;
import org.confluentcollective.server.api.NodeDeployment;
import org.confluentcollective.server.api.PxeDiscovery;
import org.confluentcollective.server.api.NodeNames;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.CollectiveView;
import org.confluentcollective.server.api.ManagerAssignment;
import org.confluentcollective.server.api.QuorumStatus;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.ZnodeReader;
import org.confluentcollective.server.api.UserDirectory;
import org.confluentcollective.web.auth.AccessFeature;
import org.confluentcollective.web.auth.AuthenticationFilter;
import org.confluentcollective.web.auth.LoginThrottle;
import org.confluentcollective.web.auth.RequestsInProgress;
import org.confluentcollective.web.errors.ApiExceptionMapper;
import org.confluentcollective.web.errors.ControlCharacterFilter;
import org.confluentcollective.web.errors.NodeRangeExceptionMapper;
import org.confluentcollective.web.errors.RequestExceptionMapper;
import org.confluentcollective.web.errors.UnexpectedExceptionMapper;
import org.confluentcollective.web.errors.WebApplicationExceptionMapper;
import org.confluentcollective.web.quorum.ConsistentReadFilter;
import org.confluentcollective.web.quorum.StaleReadMarker;
import org.confluentcollective.web.json.JsonBodyProvider;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application: resources, JSON, errors and access control, all wired by hand. */
public final class ApiApplication extends ResourceConfig {

    /** Larger bodies are refused with 413 (the contract's limit). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** A body must arrive in full within this time, however it trickles (408 otherwise). */
    public static final Duration BODY_DEADLINE = Duration.ofSeconds(30);

    /** Starts a builder; the parts every API has are set on it, the optional ones may be. */
    public static Builder builder() {
        return new Builder();
    }

    private ApiApplication(Builder parts) {
        NodeDatabase database = parts.database;
        UserDirectory users = parts.users;
        QuorumStatus quorum = parts.quorum;
        CollectiveView collective = parts.collective;
        CollectiveAdministration administration = parts.administration;
        ManagerAssignment managers = parts.managers;
        NodeOperations operations = parts.operations;
        String version = parts.version;
        ZnodeReader inspector = parts.znodes;
        DatabaseArchive archive = parts.archive;
        // Only what is registered here: no classpath scanning, no Jackson feature, no WADL.
        property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Errors carry JSON bodies; sendError would swap them for the container's page.
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        property(ServerProperties.BV_FEATURE_DISABLE, true);

        JsonBodyProvider json = new JsonBodyProvider(MAX_BODY_BYTES, BODY_DEADLINE);
        register(json);
        RequestsInProgress inProgress = new RequestsInProgress();
        register(inProgress);
        register(new ControlCharacterFilter());
        register(new AuthenticationFilter(users, new LoginThrottle(LoginThrottle.Policy.DEFAULT), inProgress));
        register(new AccessFeature());
        register(new StaleReadMarker(quorum));
        register(new ConsistentReadFilter(database));

        register(new RequestExceptionMapper());
        register(new NodeRangeExceptionMapper());
        register(new ApiExceptionMapper());
        register(WebApplicationExceptionMapper.class);
        register(new UnexpectedExceptionMapper());

        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(database).to(NodeDatabase.class);
                bind(users).to(UserDirectory.class);
                bind(collective).to(CollectiveView.class);
                bind(administration).to(CollectiveAdministration.class);
                bind(managers).to(ManagerAssignment.class);
                bind(new ApiVersion(version)).to(ApiVersion.class);
                if (inspector != null) {
                    bind(inspector).to(ZnodeReader.class);
                }
                if (archive != null) {
                    bind(archive).to(DatabaseArchive.class);
                    bind(json).to(JsonBodyProvider.class);
                }
            }
        });
        NodeNames names = database; // all node operations need of the database
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(names).to(NodeNames.class);
                bind(operations).to(NodeOperations.class);
            }
        });
        register(RootResource.class);
        register(NodesResource.class);
        register(NodeRangeResource.class);
        register(NodeOperationResource.class);
        register(NodeRangeOperationResource.class);
        register(MemberNodeOperationsResource.class);
        register(NodeGroupsResource.class);
        register(UsersResource.class);
        register(CollectiveResource.class);
        if (inspector != null) {
            register(ZooKeeperResource.class);
        }
        if (archive != null) {
            register(ArchiveResource.Dump.class);
            register(ArchiveResource.Restore.class);
            register(ArchiveResource.Import.class);
        }
        if (parts.deployment != null) {
            registerDeployment(parts.deployment);
        }
        if (parts.discovery != null) {
            registerDiscovery(parts.discovery);
        }
    }

    /** {@code /deployment/}, {@code /noderange/<nr>/deployment} and {@code /networking}. */
    private void registerDeployment(Deployment parts) {
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(parts.profiles()).to(DeploymentProfiles.class);
                bind(parts.deployment()).to(NodeDeployment.class);
                bind(new DeploymentResource.LoaderDirectory(parts.loaders())).to(DeploymentResource.LoaderDirectory.class);
                bind(parts.services()).to(ServiceReport.class);
            }
        });
        register(DeploymentResource.class);
        register(NodeDeploymentResource.class);
        register(NetworkingResource.class);
    }

    /** {@code /discovery/}: this member's PXE discovery records ({@code nodediscover}). */
    private void registerDiscovery(PxeDiscovery discovery) {
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(discovery).to(PxeDiscovery.class);
            }
        });
        register(DiscoveryResource.class);
    }

    /** What OS deployment needs: profiles, per-node deployment, the iPXE loaders and the services' report. */
    private record Deployment(DeploymentProfiles profiles, NodeDeployment deployment, Path loaders,
                              ServiceReport services) {
    }

    /**
     * The parts of an API. Required: the database, users, quorum, collective view and
     * administration, manager assignment, node operations and the version. Optional, and their
     * resources left out when unset: raw znode reads, dump/restore/import, deployment, discovery.
     */
    public static final class Builder {
        private NodeDatabase database;
        private UserDirectory users;
        private QuorumStatus quorum;
        private CollectiveView collective;
        private CollectiveAdministration administration;
        private ManagerAssignment managers;
        private NodeOperations operations;
        private String version;
        private ZnodeReader znodes;
        private DatabaseArchive archive;
        private Deployment deployment;
        private PxeDiscovery discovery;

        private Builder() {
        }

        public Builder database(NodeDatabase database) {
            this.database = database;
            return this;
        }

        public Builder users(UserDirectory users) {
            this.users = users;
            return this;
        }

        /** Whether this member has a quorum: reads without one are marked stale. */
        public Builder quorum(QuorumStatus quorum) {
            this.quorum = quorum;
            return this;
        }

        public Builder collective(CollectiveView collective) {
            this.collective = collective;
            return this;
        }

        /** Invitations, joins, member removal and recovery under {@code /collective/}. */
        public Builder administration(CollectiveAdministration administration) {
            this.administration = administration;
            return this;
        }

        /** Unmanaged nodes and rebalance ({@code /collective/unmanaged}, {@code /collective/rebalance}). */
        public Builder managers(ManagerAssignment managers) {
            this.managers = managers;
            return this;
        }

        /** Node operations under {@code /nodes/<n>/} and {@code /noderange/<nr>/}. */
        public Builder operations(NodeOperations operations) {
            this.operations = operations;
            return this;
        }

        /** What {@code GET /} reports as the API's version. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Raw ZooKeeper reads for {@code /zookeeper/*}. */
        public Builder znodes(ZnodeReader znodes) {
            this.znodes = znodes;
            return this;
        }

        /** Dump, restore and import ({@code /collective/dump} ...). */
        public Builder archive(DatabaseArchive archive) {
            this.archive = archive;
            return this;
        }

        /**
         * OS deployment: {@code /deployment/}, {@code /noderange/<nr>/deployment} and {@code /networking}.
         *
         * @param loaders where {@code osdeploy initialize} takes the iPXE loaders from
         */
        public Builder deployment(DeploymentProfiles profiles, NodeDeployment deployment, Path loaders,
                                  ServiceReport services) {
            this.deployment = new Deployment(Objects.requireNonNull(profiles, "profiles"),
                    Objects.requireNonNull(deployment, "deployment"), Objects.requireNonNull(loaders, "loaders"),
                    Objects.requireNonNull(services, "services"));
            return this;
        }

        /** {@code /discovery/}: this member's PXE discovery records. */
        public Builder discovery(PxeDiscovery discovery) {
            this.discovery = discovery;
            return this;
        }

        /** @throws IllegalStateException naming every required part that was not set */
        public ApiApplication build() {
            Map<String, Object> required = new LinkedHashMap<>();
            required.put("database", database);
            required.put("users", users);
            required.put("quorum", quorum);
            required.put("collective", collective);
            required.put("administration", administration);
            required.put("managers", managers);
            required.put("operations", operations);
            required.put("version", version);
            List<String> missing = required.entrySet().stream()
                    .filter(part -> part.getValue() == null).map(Map.Entry::getKey).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("an API needs " + String.join(", ", missing) + ": set on the builder");
            }
            return new ApiApplication(this);
        }
    }
}
