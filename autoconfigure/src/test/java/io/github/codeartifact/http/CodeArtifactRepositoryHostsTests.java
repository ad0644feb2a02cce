package io.github.codeartifact.http;

import java.net.URI;
import java.util.List;

import io.github.codeartifact.autoconfigure.InvalidCodeArtifactPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link CodeArtifactRepositoryHosts}: which entries are accepted, which are refused and
 * why, and which URIs match.
 */
class CodeArtifactRepositoryHostsTests {

	private static CodeArtifactRepositoryHosts hosts(String... configured) {
		return new CodeArtifactRepositoryHosts(List.of(configured), (uri) -> false);
	}

	@ParameterizedTest(name = "''{0}'' matches {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# configured          | URI                                                                                | matches
			                      | https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r/a.pom | true
			                      | https://MY-DOMAIN-111122223333.D.CODEARTIFACT.EU-WEST-1.AMAZONAWS.COM:443/          | true
			                      | https://my-domain-111122223333.d.codeartifact.cn-north-1.amazonaws.com.cn/        | true
			                      | https://my-domain-111122223333.d.codeartifact.us-gov-west-1.amazonaws.com/         | true
			                      | https://vpce-0743fe535b883ffff-76ddffff.d.codeartifact.us-west-2.vpce.amazonaws.com/ | true
			                      | http://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/              | false
			                      | https://codeartifact.us-east-1.amazonaws.com/                                      | false
			                      | https://my-bucket.codeartifact.s3.amazonaws.com/                                   | false
			                      | https://x.codeartifact.s3.us-east-1.amazonaws.com/                                 | false
			                      | https://my-domain-111122223333.d.codeartifact.s3.us-east-1.amazonaws.com/          | false
			                      | https://x.d.codeartifact.us-east-1.amazonaws.com/                                  | false
			                      | https://my-domain-1111.d.codeartifact.us-east-1.amazonaws.com/                     | false
			                      | https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com.evil.example/ | false
			                      | https://my-domain-111122223333.d.codeartifact.us-east-1.vpce.amazonaws.com/         | false
			                      | https://x.codeartifact.evil.example/                                               | false
			                      | /relative/path                                                                     | false
			Repo.Example.com      | https://repo.example.com/x                                                         | true
			Repo.Example.com      | https://repo.example.com:8443/x                                                    | true
			Repo.Example.com      | http://repo.example.com/x                                                          | false
			Repo.Example.com      | https://other.example.com/x                                                        | false
			https://repo.example.com | https://repo.example.com:8443/x                                                 | true
			https://repo.example.com | http://repo.example.com/x                                                       | false
			http://repo.example.com | http://repo.example.com:8081/x                                                   | true
			http://repo.example.com | https://repo.example.com/x                                                       | true
			repo.example.com:443  | https://repo.example.com/x                                                         | true
			repo.example.com:443  | https://repo.example.com:8443/x                                                    | false
			http://repo.example.com:80 | http://repo.example.com/x                                                     | true
			http://repo.example.com:80 | http://repo.example.com:8080/x                                                | false
			127.0.0.1:8081        | http://127.0.0.1:8081/x                                                            | true
			127.0.0.1:8081        | http://127.0.0.1:8082/x                                                            | false
			127.0.0.1             | http://127.0.0.1:8082/x                                                            | true
			127.0.0.1             | http://localhost:8082/x                                                            | false
			127.1.2.3             | http://127.1.2.3/x                                                                 | true
			localhost:8081        | http://localhost:8081/x                                                            | true
			localhost:8081        | http://127.0.0.1:8081/x                                                            | false
			[::1]:9000            | http://[::1]:9000/x                                                                | true
			10.0.0.1              | http://10.0.0.1/x                                                                  | false
			10.0.0.1              | https://10.0.0.1/x                                                                 | true
			localhost.example.com | http://localhost.example.com/x                                                     | false
			*.repo.example.com    | https://a.repo.example.com/x                                                       | true
			*.repo.example.com    | https://a.b.repo.example.com/x                                                     | true
			*.repo.example.com    | http://a.repo.example.com/x                                                        | false
			*.repo.example.com    | https://repo.example.com/x                                                         | false
			*.repo.example.com    | https://evilrepo.example.com/x                                                     | false
			http://*.corp.example | http://a.corp.example/x                                                            | true
			*.example.co.uk       | https://repo.example.co.uk/x                                                       | true
			""")
	void matches(String configured, String uri, boolean matches) {
		CodeArtifactRepositoryHosts hosts = (configured != null) ? hosts(configured) : hosts();
		assertThat(hosts.matches(URI.create(uri))).isEqualTo(matches);
	}

	@ParameterizedTest(name = "''{0}'' is refused: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# entry               | the rule says
			''                    | must not contain an empty entry
			*                     | must not contain '*': it sends the token to every host
			*.                    | host names must not have empty labels
			.com                  | host names must not have empty labels
			a..b                  | host names must not have empty labels
			repo.example.com.     | host names must not have empty labels
			*.com                 | wildcards must not cover a public suffix: '*.com' matches every host under 'com'
			*.COM                 | wildcards must not cover a public suffix
			*.internal            | wildcards must not cover a public suffix
			*.co.uk               | wildcards must not cover a public suffix: '*.co.uk' matches every host under 'co.uk'
			*.com.au              | wildcards must not cover a public suffix
			*.or.jp               | wildcards must not cover a public suffix
			*.github.io           | wildcards must not cover a public suffix
			*.amazonaws.com       | wildcards must not cover AWS names
			*.s3.amazonaws.com    | wildcards must not cover AWS names
			*.codeartifact.us-east-1.amazonaws.com | wildcards must not cover AWS names
			*.amazonaws.com.cn    | wildcards must not cover AWS names
			repo.*.com            | a wildcard is a leading '*.' followed by a domain
			*repo.example.com     | a wildcard is a leading '*.' followed by a domain
			*.*.example.com       | a wildcard is a leading '*.' followed by a domain
			user@evil.com         | entries must not contain user information: 'user@evil.com'
			https://user:pw@evil.com | entries must not contain user information
			ftp://repo.example.com | entries take no scheme but 'http://' (the token also over plain http) or 'https://' (the default): 'ftp://repo.example.com' has 'ftp'
			file:///etc/passwd    | entries take no scheme but 'http://'
			repo.example.com/path | entries are hosts, without path, query or fragment
			https://repo.example.com/ | entries are hosts, without path, query or fragment
			repo.example.com?x=1  | entries are hosts, without path, query or fragment
			repo.example.com:http | a port is a number from 1 to 65535
			repo.example.com:0    | a port is a number from 1 to 65535
			repo.example.com:65536 | a port is a number from 1 to 65535
			::1                   | an IPv6 address must be written in brackets
			[::1                  | an IPv6 address must be written in brackets
			[evil.com]            | an IPv6 address must be written in brackets
			bücher.example        | host names are ASCII letters, digits, '-' and '_'
			repo example.com      | host names are ASCII letters, digits, '-' and '_'
			""")
	void refuses(String entry, String rule) {
		assertThatExceptionOfType(InvalidCodeArtifactPropertyException.class).isThrownBy(() -> hosts(entry))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("codeartifact.http.hosts");
				assertThat(ex.getValue()).isEqualTo(entry);
				assertThat(ex.getRule()).startsWith(rule);
				assertThat(ex.getAction()).isNotBlank();
				assertThat(ex.getMessage()).contains("codeartifact.http.hosts", rule);
			});
	}

	@ParameterizedTest(name = "''{0}'' is accepted")
	@CsvSource(delimiter = '|', textBlock = """
			repo.example.com
			repo.example.com:8443
			https://repo.example.com
			http://repo.example.com:8081
			*.repo.example.com
			*.example.com
			*.example.co.uk
			http://*.corp.example
			my_host.internal
			127.0.0.1
			[::1]:9000
			[2001:db8::1]
			xn--bcher-kva.example
			  repo.example.com\s
			""")
	void accepts(String entry) {
		assertThatNoException().isThrownBy(() -> hosts(entry));
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
	void describesItsRulesWithoutSecrets() {
		assertThat(hosts("repo.example.com", "http://127.0.0.1:8081", "localhost", "*.mirror.example.com:8443"))
			.hasToString("https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com[.cn] and the repositories "
					+ "VPC endpoints of AWS, the repository endpoints resolved at run time, and codeartifact.http.hosts "
					+ "[https://repo.example.com (any port), http(s)://127.0.0.1:8081, http(s)://localhost (any port) "
					+ "(loopback), https://*.mirror.example.com:8443]");
	}

}
