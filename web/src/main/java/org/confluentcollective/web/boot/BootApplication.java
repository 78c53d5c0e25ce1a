package org.confluentcollective.web.boot;

import java.time.Duration;
import org.confluentcollective.server.api.DeploymentProfiles;
import org.confluentcollective.server.api.DeploymentView;
import org.confluentcollective.server.api.NodeDeployment;
import org.confluentcollective.web.errors.ApiExceptionMapper;
import org.confluentcollective.web.errors.RequestExceptionMapper;
import org.confluentcollective.web.errors.UnexpectedExceptionMapper;
import org.confluentcollective.web.errors.WebApplicationExceptionMapper;
import org.confluentcollective.web.json.JsonBodyProvider;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application of the deployment port: boot scripts and {@code /self/*}, no user authentication. */
final class BootApplication extends ResourceConfig {

    /** A status report is a few lines; more is refused (413). */
    static final long MAX_BODY_BYTES = 16 * 1024;

    BootApplication(DeploymentView view, DeploymentProfiles profiles, NodeDeployment deployment) {
        property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        property(ServerProperties.BV_FEATURE_DISABLE, true);
        register(new JsonBodyProvider(MAX_BODY_BYTES, Duration.ofSeconds(10)));
        register(new RequestExceptionMapper());
        register(new ApiExceptionMapper());
        register(WebApplicationExceptionMapper.class);
        register(new UnexpectedExceptionMapper());
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(view).to(DeploymentView.class);
                bind(profiles).to(DeploymentProfiles.class);
                bind(deployment).to(NodeDeployment.class);
            }
        });
        register(BootScriptResource.class);
        register(SelfResource.class);
    }
}
