package io.github.codeartifact.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Sends raw HTTP requests signed by the SDK's SigV4 signer, for what the SDK client
 * refuses to send or to look at raw answers.
 */
final class SignedRequests {

	// The JDK client sets these itself and refuses them as user headers.
	private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final CodeArtifactEmulator emulator;

	SignedRequests(CodeArtifactEmulator emulator) {
		this.emulator = emulator;
	}

	HttpResponse<String> send(String method, String path, Map<String, String> query) {
		return send(method, path, query, AwsCredentialsIdentity.create("test", "test"));
	}

	HttpResponse<String> sendWithSessionToken(String method, String path, Map<String, String> query,
			String sessionToken) {
		return send(method, path, query, AwsSessionCredentialsIdentity.create("test", "test", sessionToken));
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> query,
			AwsCredentialsIdentity identity) {
		URI endpoint = this.emulator.endpoint();
		SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
			.protocol("http")
			.host(endpoint.getHost())
			.port(endpoint.getPort())
			.method(SdkHttpMethod.fromValue(method))
			.encodedPath(path);
		query.forEach(unsigned::putRawQueryParameter);
		SdkHttpRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(identity)
				.request(unsigned.build())
				.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
				.putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "codeartifact"))
			.request();
		HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri())
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		signed.forEachHeader((name, values) -> {
			if (!RESTRICTED.contains(name.toLowerCase())) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		return send(request.build());
	}

	HttpResponse<String> get(URI uri, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
		headers.forEach(request::header);
		return send(request.build());
	}

	HttpResponse<byte[]> getBytes(URI uri, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
		headers.forEach(request::header);
		return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
