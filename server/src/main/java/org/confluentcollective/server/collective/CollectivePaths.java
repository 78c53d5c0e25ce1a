package org.confluentcollective.server.collective;

/** Where the collective keeps its membership (design.md §4), under the database root. */
public record CollectivePaths(String root) {

    public static CollectivePaths under(String databaseRoot) {
        return new CollectivePaths(databaseRoot + "/collective");
    }

    public String members() {
        return root + "/members";
    }

    public String member(String name) {
        return members() + "/" + name;
    }

    public String liveParent() {
        return root + "/live";
    }

    public String live(String name) {
        return liveParent() + "/" + name;
    }

    public String leader() {
        return root + "/leader";
    }

    public String invites() {
        return root + "/invites";
    }

    public String invite(String name) {
        return invites() + "/" + name;
    }

    /** The next ZooKeeper server id to hand out, so two joins never get the same one. */
    public String nextServerId() {
        return root + "/next-server-id";
    }
}
