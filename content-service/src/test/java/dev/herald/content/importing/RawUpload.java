package dev.herald.content.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import dev.herald.infra.TestTokens;
import io.restassured.RestAssured;

/**
 * A POST written on a plain socket and answered while it is still being sent, as curl does: HTTP clients that
 * send the whole body before they read (RestAssured's among them) would only show how long a refused upload takes.
 */
final class RawUpload {

    private RawUpload() {
    }

    /** Sends the head and then {@code body} in chunks until the server answers; returns the answer's status line and body. */
    static String post(String path, String contentType, String lengthHeader, InputStream body) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestTokens.editor()
                    + "\r\nContent-Type: " + contentType + "\r\n" + lengthHeader + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            boolean chunked = lengthHeader.startsWith("Transfer-Encoding");
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                byte[] buffer = new byte[65536];
                try {
                    for (int read = body.read(buffer); read > 0; read = body.read(buffer)) {
                        if (chunked) {
                            out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(buffer, 0, read);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // the server answered and closed before the whole body was sent: that is the point
                }
            });
            String answer = answer(socket.getInputStream());
            sending.cancel(true);
            return answer;
        }
    }

    /** The status line, headers and body of the answer, read by its Content-Length: the server may keep the socket open. */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        if (head.toString().toLowerCase().contains("transfer-encoding: chunked")) {
            StringBuilder body = new StringBuilder();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                in.readNBytes(2);
            }
            return head.append(body).toString();
        }
        int length = head.toString().lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElse(0);
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        String size = line.toString().strip();
        return size.isEmpty() ? 0 : Integer.parseInt(size.split(";")[0], 16);
    }
}
