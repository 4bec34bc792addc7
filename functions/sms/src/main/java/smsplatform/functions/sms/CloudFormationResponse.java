package smsplatform.functions.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import smsplatform.json.Json;

/**
 * A custom resource's answer to CloudFormation: the response object ({@code Status}, {@code Reason},
 * {@code PhysicalResourceId}, {@code StackId}, {@code RequestId}, {@code LogicalResourceId}; at most 4096
 * bytes) PUT to the request's presigned S3 ResponseURL,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref.html. The Content-Type is
 * empty, as AWS's own cfn-response module sends it
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-lambda-function-code-cfnresponsemodule.html):
 * the URL's signature does not cover one.
 */
public class CloudFormationResponse {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public void send(String responseUrl, Map<String, Object> response) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "").PUT(HttpRequest.BodyPublishers.ofString(Json.write(response))).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("the ResponseURL could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering CloudFormation", e);
        }
        if (status / 100 != 2) {
            throw new IllegalStateException("the ResponseURL answered " + status);
        }
    }
}
