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
	 * More hosts that get the token, besides DOMAIN-OWNER.d.codeartifact.REGION.amazonaws.com and
	 * the resolved repository endpoints: 'host' (every port), 'host:port' or '*.domain' (its
	 * subdomains), over https only unless written 'http://host...' or the host is loopback
	 * (localhost, 127.0.0.0/8, [::1]). Refused at startup: '*', wildcards over a public suffix
	 * ('*.com', '*.co.uk') or over amazonaws.com, empty labels, 'user@', paths and other schemes.
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
