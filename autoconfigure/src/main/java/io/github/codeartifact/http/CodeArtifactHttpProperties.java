package io.github.codeartifact.http;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the HTTP authentication to CodeArtifact repositories ({@code codeartifact.http.*}).
 */
@ConfigurationProperties(CodeArtifactHttpProperties.PREFIX)
public class CodeArtifactHttpProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "codeartifact.http";

	/**
	 * How the token travels in the Authorization header: basic (user 'aws', the token as
	 * password) or bearer.
	 */
	private AuthScheme authScheme = AuthScheme.BASIC;

	/**
	 * More hosts that get the token, besides *.codeartifact.REGION.amazonaws.com over https and the
	 * hosts of the resolved repository endpoints: 'host' (every port), 'host:port' or '*.domain'.
	 */
	private List<String> hosts = new ArrayList<>();

	public AuthScheme getAuthScheme() {
		return this.authScheme;
	}

	public void setAuthScheme(AuthScheme authScheme) {
		this.authScheme = authScheme;
	}

	public List<String> getHosts() {
		return this.hosts;
	}

	public void setHosts(List<String> hosts) {
		this.hosts = hosts;
	}

}
