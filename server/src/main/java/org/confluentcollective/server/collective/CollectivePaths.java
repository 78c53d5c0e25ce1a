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
}
