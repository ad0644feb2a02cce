package io.github.codeartifact.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timeouts of the auto-configured CodeArtifact client ({@code codeartifact.client.*}). The
 * connection and read timeouts alone do not bound a call: a server that sends a byte now and then
 * keeps a read going forever. The API call timeouts do. They are checked as soon as they are bound,
 * before any AWS call, like {@link CodeArtifactProperties}.
 */
@ConfigurationProperties(CodeArtifactClientProperties.PREFIX)
public class CodeArtifactClientProperties implements InitializingBean {

	/** Prefix of the properties. */
	public static final String PREFIX = CodeArtifactProperties.PREFIX + ".client";

	private static final String ATTEMPT_TIMEOUT = PREFIX + ".api-call-attempt-timeout";

	private static final String CALL_TIMEOUT = PREFIX + ".api-call-timeout";

	/**
	 * How long the client waits for a connection to the CodeArtifact endpoint.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * How long the client waits for data on an open connection. Each byte restarts it: it does not
	 * bound a call.
	 */
	private Duration socketTimeout = Duration.ofSeconds(10);

	/**
	 * Longest time one HTTP attempt of a CodeArtifact API call may take, from sending the request to
	 * reading the whole answer. Not longer than the api-call-timeout.
	 */
	private Duration apiCallAttemptTimeout = Duration.ofSeconds(15);

	/**
	 * Longest time a whole CodeArtifact API call may take, with every attempt.
	 */
	private Duration apiCallTimeout = Duration.ofSeconds(30);

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getSocketTimeout() {
		return this.socketTimeout;
	}

	public void setSocketTimeout(Duration socketTimeout) {
		this.socketTimeout = socketTimeout;
	}

	public Duration getApiCallAttemptTimeout() {
		return this.apiCallAttemptTimeout;
	}

	public void setApiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
		this.apiCallAttemptTimeout = apiCallAttemptTimeout;
	}

	public Duration getApiCallTimeout() {
		return this.apiCallTimeout;
	}

	public void setApiCallTimeout(Duration apiCallTimeout) {
		this.apiCallTimeout = apiCallTimeout;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Checks every property.
	 * @throws InvalidCodeArtifactPropertyException naming the first property that breaks its rule
	 */
	public void validate() {
		InvalidCodeArtifactPropertyException.requirePositive(PREFIX + ".connect-timeout", this.connectTimeout);
		InvalidCodeArtifactPropertyException.requirePositive(PREFIX + ".socket-timeout", this.socketTimeout);
		InvalidCodeArtifactPropertyException.requirePositive(ATTEMPT_TIMEOUT, this.apiCallAttemptTimeout);
		InvalidCodeArtifactPropertyException.requirePositive(CALL_TIMEOUT, this.apiCallTimeout);
		if (this.apiCallAttemptTimeout.compareTo(this.apiCallTimeout) > 0) {
			throw new InvalidCodeArtifactPropertyException(ATTEMPT_TIMEOUT, this.apiCallAttemptTimeout,
					"must not be longer than " + CALL_TIMEOUT + " (" + this.apiCallTimeout + ")",
					"Set " + ATTEMPT_TIMEOUT + " to at most " + CALL_TIMEOUT + ", or raise " + CALL_TIMEOUT + ".");
		}
	}

}
