package io.github.codeartifact.autoconfigure;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The region of the application's {@link CodeartifactClient}, for startup failure analyses and the
 * actuator endpoint, which name it without needing a client to exist.
 */
public final class CodeArtifactClientRegion {

	private CodeArtifactClientRegion() {
	}

	/**
	 * Returns the region id of the client, if there is a client and it can be created.
	 * @param client the client, if any
	 * @return the region id, or {@code null}
	 */
	public static @Nullable String of(ObjectProvider<CodeartifactClient> client) {
		try {
			CodeartifactClient available = client.getIfAvailable();
			Region region = (available != null) ? available.serviceClientConfiguration().region() : null;
			return (region != null) ? region.id() : null;
		}
		catch (RuntimeException ex) {
			// A client that cannot be created (no region anywhere) has none to report
			return null;
		}
	}

}
