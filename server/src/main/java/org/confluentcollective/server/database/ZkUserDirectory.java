package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.noderange.NaturalOrder;
import org.confluentcollective.server.users.PasswordHasher;
import org.confluentcollective.server.api.Role;
import org.confluentcollective.server.api.UserDirectory;
import org.confluentcollective.server.api.UserInfo;
import org.confluentcollective.server.users.VerifiedCredentialCache;

/** API users kept in ZooKeeper under {@code users/<name>}, replicated like everything else. */
final class ZkUserDirectory implements UserDirectory {

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final MemoryTree tree;
    private final ZnodeLayout layout;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final VerifiedCredentialCache verified;

    ZkUserDirectory(MemoryTree tree, ZnodeLayout layout, Transactions transactions,
                    PasswordHasher hasher) {
        this.tree = tree;
        this.layout = layout;
        this.transactions = transactions;
        this.hasher = hasher;
        this.verified = new VerifiedCredentialCache(hasher);
    }

    @Override
    public List<UserInfo> users() {
        List<String> names = new ArrayList<>(tree.userNames());
        names.sort(new NaturalOrder());
        List<UserInfo> users = new ArrayList<>();
        for (String name : names) {
            user(name).ifPresent(users::add);
        }
        return users;
    }

    @Override
    public Optional<UserInfo> user(String name) {
        return tree.user(name).map(held -> new UserInfo(name, roleOf(held.record())));
    }

    @Override
    public void addUser(String name, Role role, char[] password) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw RequestException.badRequest("invalid user name '" + name
                    + "': use up to 64 letters, digits, '.', '_', '@' and '-'");
        }
        if (role == null) {
            throw RequestException.badRequest("a user needs a role: admin, operator or monitor");
        }
        checkPassword(password);
        UserRecord record = new UserRecord(role.name().toLowerCase(Locale.ROOT), hasher.hash(password));
        transactions.run(() -> {
            if (tree.user(name).isPresent()) {
                throw RequestException.conflict("user " + name + " already exists");
            }
            return List.of(new ZkWriter.Create(layout.userPath(name), record));
        });
    }

    @Override
    public void updateUser(String name, Role role, char[] password) {
        if (password != null) {
            checkPassword(password);
        }
        String newHash = password == null ? null : hasher.hash(password);
        transactions.run(() -> {
            MemoryTree.Versioned<UserRecord> held = tree.user(name)
                    .orElseThrow(() -> RequestException.notFound("user " + name + " does not exist"));
            UserRecord updated = new UserRecord(
                    role == null ? held.record().role() : role.name().toLowerCase(Locale.ROOT),
                    newHash == null ? held.record().passwordHash() : newHash);
            return List.of(new ZkWriter.Update(layout.userPath(name), updated, held.version()));
        });
    }

    @Override
    public void removeUser(String name) {
        transactions.run(() -> {
            MemoryTree.Versioned<UserRecord> held = tree.user(name)
                    .orElseThrow(() -> RequestException.notFound("user " + name + " does not exist"));
            return List.of(new ZkWriter.Delete(layout.userPath(name), held.version()));
        });
    }

    @Override
    public Optional<UserInfo> authenticate(String name, char[] password) {
        Optional<MemoryTree.Versioned<UserRecord>> held = name == null ? Optional.empty() : tree.user(name);
        if (held.isEmpty()) {
            // Spend the same time as a real check, so response times do not reveal user names.
            hasher.verifyUnknownUser(password);
            return Optional.empty();
        }
        UserRecord record = held.get().record();
        if (!verified.verify(name, password, record.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new UserInfo(name, roleOf(record)));
    }

    private static Role roleOf(UserRecord record) {
        return Role.valueOf(record.role().toUpperCase(Locale.ROOT));
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length == 0) {
            throw RequestException.badRequest("the password must not be empty");
        }
    }
}
