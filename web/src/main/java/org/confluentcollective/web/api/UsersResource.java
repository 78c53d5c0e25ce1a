package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.Role;
import org.confluentcollective.server.api.UserDirectory;
import org.confluentcollective.server.api.UserInfo;
import org.confluentcollective.web.auth.Allowed;
import org.confluentcollective.web.auth.Permission;

/** {@code /users/}: API users, for administrators only; passwords are shown as set, never as text. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Permission.ADMINISTER)
@Singleton
public final class UsersResource {

    private static final Set<String> CREATE_KEYS = Set.of("name", "role", "password");
    private static final Set<String> UPDATE_KEYS = Set.of("role", "password");

    private final UserDirectory users;

    @Inject
    public UsersResource(UserDirectory users) {
        this.users = users;
    }

    @GET
    public ObjectNode list() {
        return Links.collection(users.users().stream().map(UserInfo::name).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(JsonNode body) {
        ObjectNode request = checkedKeys(Bodies.object(body), CREATE_KEYS);
        String name = Bodies.requiredText(request, "name");
        Role role = role(Bodies.requiredText(request, "role"));
        char[] password = Bodies.requiredText(request, "password").toCharArray();
        try {
            users.addUser(name, role, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        return Answers.created(List.of(name));
    }

    @GET
    @Path("{user}")
    public ObjectNode user(@PathParam("user") String name) {
        return view(find(name));
    }

    @PUT
    @Path("{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode update(@PathParam("user") String name, JsonNode body) {
        ObjectNode request = checkedKeys(Bodies.object(body), UPDATE_KEYS);
        if (request.isEmpty()) {
            throw RequestException.badRequest("nothing to change: give a role and/or a password");
        }
        Role role = request.has("role") ? role(Bodies.requiredText(request, "role")) : null;
        char[] password = request.has("password") ? Bodies.requiredText(request, "password").toCharArray() : null;
        find(name);
        try {
            users.updateUser(name, role, password);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        return view(find(name));
    }

    @DELETE
    @Path("{user}")
    public ObjectNode remove(@PathParam("user") String name) {
        find(name);
        users.removeUser(name);
        return Answers.deleted(List.of(name));
    }

    private UserInfo find(String name) {
        return users.user(name).orElseThrow(() -> RequestException.notFound("no such user: " + name));
    }

    private static ObjectNode view(UserInfo user) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", user.name());
        json.put("role", user.role().name().toLowerCase(Locale.ROOT));
        // Every user has a password; only that fact is ever shown.
        json.putObject("password").put("isset", true);
        return json;
    }

    private static Role role(String text) {
        for (Role role : Role.values()) {
            if (role.name().equalsIgnoreCase(text)) {
                return role;
            }
        }
        throw RequestException.badRequest("invalid role '" + text + "': expected admin, operator or monitor");
    }

    private static ObjectNode checkedKeys(ObjectNode body, Set<String> allowed) {
        for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                throw RequestException.badRequest("unknown key '" + key + "' for a user");
            }
        }
        return body;
    }
}
