package io.github.codeartifact.http;

import java.net.URI;
import java.util.List;

import io.github.codeartifact.http.AuthorizedRedirects.Hop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuthorizedRedirects}: which answers are followed, where to, with which method
 * and body, and whether the token goes along.
 */
class AuthorizedRedirectsTests {

	private static final String REPOSITORY = "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com";

	private final AuthorizedRedirects redirects = new AuthorizedRedirects(
			new CodeArtifactRepositoryHosts(List.of("127.0.0.1:8081"), (uri) -> false), true);

	@ParameterizedTest(name = "{0} {1} {2} to {3}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			# method | from                     | status | Location                                | next URI                                 | next method | body  | token
			GET    | REPOSITORY/maven/r/a.jar   | 302    | https://bucket.s3.amazonaws.com/a?X-Amz-Signature=s | https://bucket.s3.amazonaws.com/a?X-Amz-Signature=s | GET | true | false
			GET    | REPOSITORY/maven/r/a.jar   | 301    | /maven/r/b.jar                          | REPOSITORY/maven/r/b.jar                 | GET         | true  | true
			GET    | REPOSITORY/maven/r/a.jar   | 307    | b.jar                                   | REPOSITORY/maven/r/b.jar                 | GET         | true  | true
			GET    | REPOSITORY/maven/r/a.jar   | 308    | //other.example.com/x                   | https://other.example.com/x              | GET         | true  | false
			POST   | REPOSITORY/maven/r/a.jar   | 301    | /b                                      | REPOSITORY/b                             | GET         | false | true
			POST   | REPOSITORY/maven/r/a.jar   | 302    | /b                                      | REPOSITORY/b                             | GET         | false | true
			POST   | REPOSITORY/maven/r/a.jar   | 303    | /b                                      | REPOSITORY/b                             | GET         | false | true
			PUT    | REPOSITORY/maven/r/a.jar   | 303    | /b                                      | REPOSITORY/b                             | GET         | false | true
			HEAD   | REPOSITORY/maven/r/a.jar   | 303    | /b                                      | REPOSITORY/b                             | HEAD        | true  | true
			PUT    | REPOSITORY/maven/r/a.jar   | 302    | /b                                      | REPOSITORY/b                             | PUT         | true  | true
			POST   | REPOSITORY/maven/r/a.jar   | 307    | /b                                      | REPOSITORY/b                             | POST        | true  | true
			POST   | REPOSITORY/maven/r/a.jar   | 308    | /b                                      | REPOSITORY/b                             | POST        | true  | true
			GET    | REPOSITORY/a               | 302    | http://127.0.0.1:8081/a                 | http://127.0.0.1:8081/a                  | GET         | true  | false
			GET    | http://127.0.0.1:8081/a    | 302    | http://127.0.0.1:8081/b                 | http://127.0.0.1:8081/b                  | GET         | true  | true
			GET    | http://127.0.0.1:8081/a    | 302    | http://127.0.0.1:8082/b                 | http://127.0.0.1:8082/b                  | GET         | true  | false
			GET    | http://127.0.0.1:8081/a    | 302    | http://localhost:8081/b                 | http://localhost:8081/b                  | GET         | true  | false
			GET    | http://127.0.0.1:8081/a    | 302    | REPOSITORY/b                            | REPOSITORY/b                             | GET         | true  | true
			GET    | REPOSITORY/a               | 200    | /b                                      | null                                     | null        | false | false
			GET    | REPOSITORY/a               | 300    | /b                                      | null                                     | null        | false | false
			GET    | REPOSITORY/a               | 304    | /b                                      | null                                     | null        | false | false
			GET    | REPOSITORY/a               | 305    | /b                                      | null                                     | null        | false | false
			GET    | REPOSITORY/a               | 302    | null                                    | null                                     | null        | false | false
			GET    | REPOSITORY/a               | 302    | '  '                                    | null                                     | null        | false | false
			GET    | REPOSITORY/a               | 302    | not a uri                               | null                                     | null        | false | false
			GET    | REPOSITORY/a               | 302    | ftp://files.example.com/a               | null                                     | null        | false | false
			GET    | REPOSITORY/a               | 302    | mailto:someone@example.com              | null                                     | null        | false | false
			""")
	void nextHop(HttpMethod method, String from, int status, String location, String uri, HttpMethod nextMethod,
			boolean keepsBody, boolean authorized) {
		Hop next = this.redirects.next(Hop.first(URI.create(from.replace("REPOSITORY", REPOSITORY)), method), status,
				(location != null) ? location.replace("REPOSITORY", REPOSITORY) : null);
		if (uri == null) {
			assertThat(next).isNull();
			return;
		}
		assertThat(next).isEqualTo(new Hop(URI.create(uri.replace("REPOSITORY", REPOSITORY)), nextMethod, keepsBody,
				authorized));
	}

	@Test
	void aDroppedBodyStaysDroppedAndFollowingOffGivesEveryAnswerToTheCaller() {
		Hop get = this.redirects.next(Hop.first(URI.create(REPOSITORY + "/a"), HttpMethod.POST), 302, "/b");
		assertThat(this.redirects.next(get, 307, "/c")).extracting(Hop::method, Hop::keepsBody)
			.containsExactly(HttpMethod.GET, false);
		AuthorizedRedirects off = new AuthorizedRedirects(
				new CodeArtifactRepositoryHosts(List.of(), (uri) -> false), false);
		assertThat(off.next(Hop.first(URI.create(REPOSITORY + "/a"), HttpMethod.GET), 302, "/b")).isNull();
	}

	@Test
	void headersCarryTheTokenOnlyOnAuthorizedHopsAndLoseTheContentWithTheBody() {
		HttpHeaders requested = new HttpHeaders();
		requested.set(HttpHeaders.CONTENT_TYPE, "text/plain");
		requested.setContentLength(4);
		requested.set("X-Trace", "1");
		URI uri = URI.create(REPOSITORY + "/a");
		HttpHeaders authorized = AuthorizedRedirects.headers(requested, new Hop(uri, HttpMethod.POST, true, true),
				"Basic t");
		assertThat(authorized.get(HttpHeaders.AUTHORIZATION)).containsExactly("Basic t");
		assertThat(authorized.getContentType()).hasToString("text/plain");
		assertThat(authorized.containsHeader("X-Trace")).isTrue();
		HttpHeaders elsewhere = AuthorizedRedirects.headers(requested, new Hop(uri, HttpMethod.GET, false, false),
				"Basic t");
		assertThat(elsewhere.headerNames()).containsExactly("X-Trace");
	}

	@Test
	void tooManyRedirectsNamesTheOriginOnly() {
		Hop last = new Hop(URI.create("https://user:pw@bucket.s3.amazonaws.com:8443/a?X-Amz-Signature=secret"),
				HttpMethod.GET, true, false);
		assertThat(AuthorizedRedirects.tooManyRedirects(last))
			.hasMessage("More than 10 redirects, the last one to https://bucket.s3.amazonaws.com:8443");
	}

}
