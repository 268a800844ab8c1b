package org.urgentaction.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay to the database that can go silent: {@link #freezeOpenConnections()} keeps the open
 * connections open but lets no byte through any more, as a failover or a firewall's idle timeout
 * leaves a connection; connections made afterwards pass as usual.
 */
final class FreezingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final List<AtomicBoolean> open = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    FreezingProxy(int listenPort, String host, int port) throws IOException {
        this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        this.host = host;
        this.port = port;
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    void freezeOpenConnections() {
        open.forEach(frozen -> frozen.set(true));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                sockets.add(client);
                sockets.add(upstream);
                AtomicBoolean frozen = new AtomicBoolean();
                open.add(frozen);
                Thread.ofVirtual().start(() -> relay(client, upstream, frozen));
                Thread.ofVirtual().start(() -> relay(upstream, client, frozen));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void relay(Socket from, Socket to, AtomicBoolean frozen) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                if (!frozen.get()) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException gone) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
