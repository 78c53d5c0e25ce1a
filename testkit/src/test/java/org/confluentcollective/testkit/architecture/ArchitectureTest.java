package org.confluentcollective.testkit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md, checked on the main classes of every
 * module (testkit sees them all on its class path).
 */
class ArchitectureTest {

    private static final String PROJECT = "org.confluentcollective";
    private static final String SERVER = PROJECT + ".server";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(PROJECT);
        // Rules over classes that were not imported would pass whatever the code does.
        for (String expected : new String[] {"zk.EmbeddedZooKeeper", "server.database.TreeSync",
                "web.Confluentd", "cli.ConfluentCtl"}) {
            assertTrue(classes.contain(PROJECT + "." + expected), expected + " was not imported");
        }
    }

    @Test
    void serverPackagesFormNoCycle() {
        slices().matching(SERVER + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void serverFeaturePackagesDoNotDependOnTheRootPackage() {
        noClasses().that().resideInAPackage(SERVER + ".*..")
                .should().dependOnClassesThat().resideInAPackage(SERVER)
                .because("the root package composes the features; the features must not need it")
                .check(classes);
    }

    @Test
    void cliTalksRestOnly() {
        noClasses().that().resideInAPackage(PROJECT + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVER + "..", PROJECT + ".web..",
                        PROJECT + ".zk..", PROJECT + ".testkit..", PROJECT + ".bench..")
                .check(classes);
    }

    @Test
    void onlyZkEmbeddedStartsZooKeeper() {
        noClasses().that().resideInAPackage(PROJECT + "..").and().resideOutsideOfPackage(PROJECT + ".zk..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.zookeeper.server..")
                .because("only zk-embedded knows how ZooKeeper is started")
                .check(classes);
    }

    @Test
    void servicesUseOnlyServersApiPackage() {
        noClasses().that().resideInAnyPackage(PROJECT + ".dhcp..", PROJECT + ".tftp..", PROJECT + ".hardware..")
                .should().dependOnClassesThat(resideInAPackage(SERVER + "..")
                        .and(not(resideInAPackage(SERVER + ".api.."))))
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * web still uses server's feature packages directly (the store, the database and collective
     * views, attribute and expression values): those uses are frozen in archunit_store, so no new
     * one can be added while they move behind the api package.
     */
    @Test
    void webGainsNoNewDependencyOutsideServersApiPackage() {
        FreezingArchRule.freeze(noClasses().that().resideInAPackage(PROJECT + ".web..")
                        .should().dependOnClassesThat(resideInAPackage(SERVER + "..")
                                .and(not(resideInAPackage(SERVER + ".api..")))))
                .check(classes);
    }
}
