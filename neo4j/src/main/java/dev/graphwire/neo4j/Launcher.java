package dev.graphwire.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
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
