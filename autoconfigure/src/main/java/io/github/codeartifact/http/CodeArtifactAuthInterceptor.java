package io.github.codeartifact.http;

import java.io.IOException;

import io.github.codeartifact.http.CodeArtifactAuthorization.Credential;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Authenticates {@code RestClient} and {@code RestTemplate} requests to CodeArtifact repositories
 * with the fresh token: {@code Authorization: Basic} with the user {@code aws} (or {@code Bearer}),
 * only for the hosts of {@link CodeArtifactRepositoryHosts}, and never over an
 * {@code Authorization} header the caller set.
 * <p>
 * On a 401 from a repository, the token is renewed once ({@link CodeArtifactTokenProvider#refresh()}
 * unless another caller already replaced it) and the request is sent once more. When the renewal
 * fails, the caller gets the 401.
 * <p>
 * Add it to the clients that talk to CodeArtifact, for example
 * {@code RestClient.builder().requestInterceptor(interceptor)}: it is never applied to every client.
 */
public final class CodeArtifactAuthInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(CodeArtifactAuthInterceptor.class);

	private final CodeArtifactAuthorization authorization;

	/**
	 * Creates an interceptor.
	 * @param provider the token provider
	 * @param hosts the repository hosts that get the token
	 * @param scheme how the token travels
	 */
	public CodeArtifactAuthInterceptor(CodeArtifactTokenProvider provider, CodeArtifactRepositoryHosts hosts,
			AuthScheme scheme) {
		this.authorization = new CodeArtifactAuthorization(provider, hosts, scheme);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.authorization.appliesTo(request.getURI(), request.getHeaders())) {
			return execution.execute(request, body);
		}
		Credential credential = this.authorization.current();
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, credential.headerValue());
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
			return response;
		}
		Credential renewed;
		try {
			renewed = this.authorization.renewed(credential);
		}
		catch (CodeArtifactTokenException ex) {
			logger.warn("CodeArtifact rejected the token for " + request.getMethod() + " " + request.getURI()
					+ " and no new token could be had: " + ex.getMessage());
			return response;
		}
		response.close();
		if (logger.isDebugEnabled()) {
			logger.debug("CodeArtifact rejected the token for " + request.getMethod() + " " + request.getURI()
					+ ": retrying once with a renewed token");
		}
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, renewed.headerValue());
		return execution.execute(request, body);
	}

}
