package io.github.codeartifact.autoconfigure;

import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * Hands the application's {@link AwsCredentialsProvider} bean to the CodeArtifact client without
 * letting the client close it: an SDK client closes its credentials provider when it is closed, and
 * the bean belongs to the application (other clients may share it).
 */
final class NonClosingCredentialsProvider implements AwsCredentialsProvider {

	private final AwsCredentialsProvider delegate;

	NonClosingCredentialsProvider(AwsCredentialsProvider delegate) {
		this.delegate = delegate;
	}

	AwsCredentialsProvider getDelegate() {
		return this.delegate;
	}

	@Override
	public AwsCredentials resolveCredentials() {
		return this.delegate.resolveCredentials();
	}

	@Override
	public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
		return this.delegate.resolveIdentity(request);
	}

	@Override
	public String toString() {
		return "NonClosingCredentialsProvider[" + this.delegate + "]";
	}

}
