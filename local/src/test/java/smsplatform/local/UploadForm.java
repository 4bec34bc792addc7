package smsplatform.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Posts a file through an S3 upload form as a browser would: the form's fields first, then the file. */
final class UploadForm {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private UploadForm() {}

    static HttpResponse<String> post(String url, Map<String, ?> fields, String contentType, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----sms" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> part(body, boundary, name, null, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        if (contentType != null && !fields.containsKey("Content-Type")) {
            part(body, boundary, "Content-Type", null, contentType.getBytes(StandardCharsets.UTF_8));
        }
        part(body, boundary, "file", contentType == null ? "application/octet-stream" : contentType, file);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts through an upload of the API's answer ({@code url}, {@code fields}). */
    @SuppressWarnings("unchecked")
    static HttpResponse<String> post(Map<String, Object> upload, String contentType, byte[] file)
            throws IOException, InterruptedException {
        return post((String) upload.get("url"), (Map<String, Object>) upload.get("fields"), contentType, file);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileType, byte[] value) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileType != null) {
            head.append("; filename=\"document\"\r\nContent-Type: ").append(fileType);
        }
        head.append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
