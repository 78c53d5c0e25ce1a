package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class RootResource {

    private final ApiVersion version;

    @Inject
    public RootResource(ApiVersion version) {
        this.version = version;
    }

    @GET
    public ObjectNode root() {
        return Links.collection(List.of("collective/", "nodes/", "noderange/", "nodegroups/", "users/", "version"));
    }

    @GET
    @Path("version")
    public ObjectNode version() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putObject("version").put("value", version.value());
        return json;
    }
}
