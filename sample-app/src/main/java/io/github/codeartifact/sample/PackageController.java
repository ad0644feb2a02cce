package io.github.codeartifact.sample;

import java.net.URI;
import java.util.regex.Pattern;

import io.github.codeartifact.repository.CodeArtifactRepositoryEndpointException;
import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Lists the versions of a Maven package of the repository: resolves the repository's Maven
 * endpoint, fetches {@code maven-metadata.xml} with the token, and answers the versions, the
 * endpoint and the token's expiration.
 */
@RestController
class PackageController {

	private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

	private final CodeArtifactTokenProvider tokenProvider;

	private final CodeArtifactRepositoryEndpoints endpoints;

	private final RestClient repositoryClient;

	private final String repository;

	PackageController(CodeArtifactTokenProvider tokenProvider, CodeArtifactRepositoryEndpoints endpoints,
			RestClient repositoryClient, @Value("${sample.repository}") String repository) {
		this.tokenProvider = tokenProvider;
		this.endpoints = endpoints;
		this.repositoryClient = repositoryClient;
		this.repository = repository;
	}

	@GetMapping("/packages/{group}/{artifact}")
	PackageVersions versions(@PathVariable String group, @PathVariable String artifact) {
		if (!COORDINATE.matcher(group).matches() || !COORDINATE.matcher(artifact).matches() || group.contains("..")
				|| artifact.contains("..")) {
			throw new IllegalArgumentException("Not a Maven group or artifact id");
		}
		URI endpoint = this.endpoints.endpoint(this.repository, PackageFormat.MAVEN);
		URI metadata = endpoint.resolve(group.replace('.', '/') + "/" + artifact + "/maven-metadata.xml");
		byte[] xml = this.repositoryClient.get().uri(metadata).retrieve().body(byte[].class);
		MavenMetadata parsed = MavenMetadata.parse((xml != null) ? xml : new byte[0]);
		return new PackageVersions(group, artifact, parsed.versions(), parsed.latest(), parsed.release(),
				endpoint.toString(), this.tokenProvider.getAuthorizationToken().expiration().toString());
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail repositoryAnswer(HttpClientErrorException ex) {
		HttpStatus status = (ex.getStatusCode().value() == 404) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY;
		return ProblemDetail.forStatusAndDetail(status, "The repository answered " + ex.getStatusCode().value());
	}

	@ExceptionHandler
	ProblemDetail endpointFailure(CodeArtifactRepositoryEndpointException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setProperty("errorCode", ex.getErrorCode());
		problem.setProperty("retryable", ex.isRetryable());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail tokenFailure(CodeArtifactTokenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setProperty("errorCode", ex.getErrorCode());
		problem.setProperty("retryable", ex.isRetryable());
		return problem;
	}

}
