package dev.graphwire.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.DatabaseState;
import org.neo4j.dbms.DatabaseStateService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;

/**
 * Runs Neo4j Community embedded, with only the Bolt connector, until SIGTERM/SIGINT.
 *
 * Options (all given by graphwire's Node side):
 *   --home DIR          Neo4j home: data/, logs/ live below it
 *   --host ADDR         Bolt listen address (default 127.0.0.1)
 *   --port N            Bolt port; 0 picks a free one
 *   --pagecache SIZE    e.g. 512m
 *   --auth true|false   native authentication; the initial password is written by graphwire to data/dbms/auth.ini
 *   --ready-file FILE   written (atomically) with {"port":N,"pid":P} once Bolt accepts connections
 *
 * Exit code 3, after a line "graphwire-neo4j database-failed: REASON", when the graph database cannot be opened
 * (a damaged transaction log, say): the server would otherwise run and answer every query with "unavailable".
 */
public final class Launcher {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(options.home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, options.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, options.auth)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pagecacheBytes)
                // without this an empty store pre-allocates half a gigabyte of transaction log
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                // the defaults wait 5 s twice for Bolt clients on shutdown; a local tool wants to stop in ~2 s
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "graphwire-neo4j-shutdown"));
        // exit 0 rather than 143: a requested stop is a clean stop
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> System.exit(0));

        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        String failure = graphDatabaseFailure(system);
        if (failure != null) {
            System.out.println("graphwire-neo4j database-failed: " + failure.replaceAll("\\s+", " "));
            System.out.flush();
            System.exit(3);
        }
        ConnectorPortRegister ports = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        int port = ports.getLocalAddress(ConnectorType.BOLT).getPort();
        long pid = ProcessHandle.current().pid();
        if (options.readyFile != null) {
            writeAtomically(options.readyFile, "{\"port\":" + port + ",\"pid\":" + pid + "}\n");
        }
        System.out.println("graphwire-neo4j ready port=" + port + " pid=" + pid);
        System.out.flush();
        stopped.await();
    }

    /**
     * Why the graph database did not come online, or null once it is online. build() has started every database by
     * the time it returns, so the wait only covers a database still marked "starting".
     */
    private static String graphDatabaseFailure(GraphDatabaseAPI system) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<String, Object> row = system.executeTransactionally(
                    "SHOW DATABASE `" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + "` YIELD currentStatus, statusMessage",
                    Map.of(), result -> result.hasNext() ? result.next() : Map.of());
            String status = String.valueOf(row.getOrDefault("currentStatus", ""));
            String message = String.valueOf(row.getOrDefault("statusMessage", ""));
            if (status.equals("online")) {
                return null;
            }
            if (!status.equals("starting") || System.nanoTime() > deadline) {
                String cause = causeOfFailure(system);
                return cause != null ? cause
                        : message.isEmpty() ? "database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + " is " + status : message;
            }
            Thread.sleep(100);
        }
    }

    /**
     * The two innermost reasons the graph database failed with ("Error reading transaction logs, recovery not
     * possible (Log file contains entries …)"): SHOW DATABASE only says "Unable to start", and the outer exceptions
     * only point at their causes.
     */
    private static String causeOfFailure(GraphDatabaseAPI system) {
        DatabaseStateService states = system.getDependencyResolver().resolveDependency(DatabaseStateService.class);
        for (DatabaseState state : states.stateOfAllDatabases().values()) {
            if (!state.databaseId().name().equals(GraphDatabaseSettings.DEFAULT_DATABASE_NAME) || state.failure().isEmpty()) {
                continue;
            }
            List<String> messages = new ArrayList<>();
            for (Throwable t = state.failure().get(); t != null && messages.size() < 50; t = t.getCause()) {
                if (t.getMessage() != null && !t.getMessage().isBlank()) {
                    messages.add(firstSentence(t.getMessage()));
                }
            }
            int n = messages.size();
            if (n > 0) {
                return n == 1 ? messages.get(0) : messages.get(n - 2) + " (" + messages.get(n - 1) + ")";
            }
        }
        return null;
    }

    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        return (end < 0 ? message : message.substring(0, end + 1)).trim();
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private record Options(Path home, String host, int port, long pagecacheBytes, boolean auth, Path readyFile) {
        static Options parse(String[] args) {
            Path home = null;
            String host = "127.0.0.1";
            int port = 7688;
            long pagecache = ByteUnit.mebiBytes(512);
            boolean auth = true;
            Path readyFile = null;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw usage("missing value for " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--home" -> home = Path.of(value);
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--pagecache" -> pagecache = ByteUnit.parse(value);
                    case "--auth" -> auth = Boolean.parseBoolean(value);
                    case "--ready-file" -> readyFile = Path.of(value);
                    default -> throw usage("unknown option " + flag);
                }
            }
            if (home == null) {
                throw usage("--home is required");
            }
            return new Options(home, host, port, pagecache, auth, readyFile);
        }

        private static IllegalArgumentException usage(String problem) {
            return new IllegalArgumentException("graphwire-neo4j: " + problem
                    + " (usage: --home DIR [--host ADDR] [--port N] [--pagecache SIZE] [--auth true|false] [--ready-file FILE])");
        }
    }
}
