package org.confluentcollective.web.api;

import java.time.Duration;
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

    /**
     * @param managers   unmanaged nodes and rebalance ({@code /collective/unmanaged}, {@code /collective/rebalance})
     * @param inspector  raw ZooKeeper reads for {@code /zookeeper/*}; {@code null} leaves them out
     * @param operations node operations under {@code /nodes/<n>/} and {@code /noderange/<nr>/}
     */
    public ApiApplication(NodeDatabase database, UserDirectory users, QuorumStatus quorum, CollectiveView collective,
                          CollectiveAdministration administration, ManagerAssignment managers,
                          ZnodeReader inspector, NodeOperations operations, String version) {
        this(database, users, quorum, collective, administration, managers, inspector, operations, null, version);
    }

    /** @param archive dump, restore and import ({@code /collective/dump} ...); {@code null} leaves them out */
    public ApiApplication(NodeDatabase database, UserDirectory users, QuorumStatus quorum, CollectiveView collective,
                          CollectiveAdministration administration, ManagerAssignment managers,
                          ZnodeReader inspector, NodeOperations operations, DatabaseArchive archive,
                          String version) {
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
    }

    /**
     * Adds OS deployment: {@code /deployment/}, {@code /noderange/<nr>/deployment} and
     * {@code /networking}.
     *
     * @param loaders where {@code osdeploy initialize} takes the iPXE loaders from
     */
    public ApiApplication withDeployment(DeploymentProfiles profiles, NodeDeployment deployment,
                                         java.nio.file.Path loaders, ServiceReport services) {
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(profiles).to(DeploymentProfiles.class);
                bind(deployment).to(NodeDeployment.class);
                bind(new DeploymentResource.LoaderDirectory(loaders)).to(DeploymentResource.LoaderDirectory.class);
                bind(services).to(ServiceReport.class);
            }
        });
        register(DeploymentResource.class);
        register(NodeDeploymentResource.class);
        register(NetworkingResource.class);
        return this;
    }

    /** {@code /discovery/}: this member's PXE discovery records ({@code nodediscover}). */
    public ApiApplication withDiscovery(PxeDiscovery discovery) {
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(discovery).to(PxeDiscovery.class);
            }
        });
        register(DiscoveryResource.class);
        return this;
    }
}
