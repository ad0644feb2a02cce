package io.github.codeartifact.http;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CodeArtifactRepositoryHosts}.
 */
class CodeArtifactRepositoryHostsTests {

	private static CodeArtifactRepositoryHosts hosts(String... configured) {
		return new CodeArtifactRepositoryHosts(List.of(configured), (uri) -> false);
	}

	@Test
	void awsRepositoryHostsOverHttps() {
		CodeArtifactRepositoryHosts hosts = hosts();
		assertThat(hosts.matches(URI.create(
				"https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/a.pom")))
			.isTrue();
		assertThat(hosts.matches(URI.create("https://MY-DOMAIN-111122223333.D.CODEARTIFACT.EU-WEST-1.AMAZONAWS.COM/")))
			.isTrue();
		assertThat(hosts.matches(URI.create("https://d-111122223333.d.codeartifact.cn-north-1.amazonaws.com.cn/")))
			.isTrue();
	}

	@Test
	void neverOtherHostsNorPlainHttpToAwsNames() {
		CodeArtifactRepositoryHosts hosts = hosts();
		assertThat(hosts.matches(URI.create("http://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/")))
			.isFalse();
		assertThat(hosts.matches(URI.create("https://codeartifact.us-east-1.amazonaws.com/"))).isFalse();
		assertThat(hosts.matches(URI.create("https://x.codeartifact.us-east-1.amazonaws.com.evil.example/")))
			.isFalse();
		assertThat(hosts.matches(URI.create("https://x.codeartifact.evil.example/"))).isFalse();
		assertThat(hosts.matches(URI.create("https://example.com/"))).isFalse();
		assertThat(hosts.matches(URI.create("/relative/path"))).isFalse();
	}

	@Test
	void configuredHostWithoutPortMatchesEveryPort() {
		CodeArtifactRepositoryHosts hosts = hosts("Repo.Example.com");
		assertThat(hosts.matches(URI.create("https://repo.example.com/x"))).isTrue();
		assertThat(hosts.matches(URI.create("http://repo.example.com:8081/x"))).isTrue();
		assertThat(hosts.matches(URI.create("https://other.example.com/x"))).isFalse();
	}

	@Test
	void configuredHostWithPortMatchesThatPortOnly() {
		CodeArtifactRepositoryHosts hosts = hosts("127.0.0.1:8081", "repo.example.com:443", "[::1]:9000");
		assertThat(hosts.matches(URI.create("http://127.0.0.1:8081/x"))).isTrue();
		assertThat(hosts.matches(URI.create("http://127.0.0.1:8082/x"))).isFalse();
		assertThat(hosts.matches(URI.create("https://repo.example.com/x"))).isTrue();
		assertThat(hosts.matches(URI.create("http://repo.example.com/x"))).isFalse();
		assertThat(hosts.matches(URI.create("http://[::1]:9000/x"))).isTrue();
	}

	@Test
	void namesAreComparedAsWritten() {
		CodeArtifactRepositoryHosts hosts = hosts("127.0.0.1");
		assertThat(hosts.matches(URI.create("http://127.0.0.1:8081/x"))).isTrue();
		assertThat(hosts.matches(URI.create("http://localhost:8081/x"))).isFalse();
	}

	@Test
	void wildcardMatchesSubdomainsOnly() {
		CodeArtifactRepositoryHosts hosts = hosts("*.repo.example.com");
		assertThat(hosts.matches(URI.create("https://a.repo.example.com/x"))).isTrue();
		assertThat(hosts.matches(URI.create("https://a.b.repo.example.com/x"))).isTrue();
		assertThat(hosts.matches(URI.create("https://repo.example.com/x"))).isFalse();
		assertThat(hosts.matches(URI.create("https://evilrepo.example.com/x"))).isFalse();
	}

	@Test
	void resolvedEndpointsMatch() {
		URI resolved = URI.create("http://127.0.0.1:8081/d-111122223333/maven/r/");
		CodeArtifactRepositoryHosts hosts = new CodeArtifactRepositoryHosts(List.of(),
				(uri) -> uri.getPort() == resolved.getPort());
		assertThat(hosts.matches(resolved.resolve("a/b.pom"))).isTrue();
		assertThat(hosts.matches(URI.create("http://127.0.0.1:8082/"))).isFalse();
	}

	@Test
	void rejectsMalformedConfiguredHosts() {
		assertThatIllegalArgumentException().isThrownBy(() -> hosts("https://repo.example.com"));
		assertThatIllegalArgumentException().isThrownBy(() -> hosts("repo.example.com/path"));
		assertThatIllegalArgumentException().isThrownBy(() -> hosts(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> hosts("repo.example.com:http"));
		assertThatIllegalArgumentException().isThrownBy(() -> hosts("repo.*.com"));
	}

}
