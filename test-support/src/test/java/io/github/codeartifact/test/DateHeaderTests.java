package io.github.codeartifact.test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that every answer of the emulator carries one HTTP {@code Date} header, as AWS sends it
 * (RFC 1123, GMT), taken from the emulator's clock rather than the machine's.
 */
class DateHeaderTests extends EmulatorClientTestBase {

	@Test
	void apiAnswersCarryTheEmulatorClock() {
		SdkHttpResponse response = this.client.getAuthorizationToken((request) -> request.domain("my-domain"))
			.sdkHttpResponse();
		assertThat(response.matchingHeaders("Date")).containsExactly("Tue, 01 Jan 2030 00:00:00 GMT");
		this.clock.advance(Duration.ofDays(8).plusHours(1).plusMinutes(2).plusSeconds(3));
		assertThat(this.client.getAuthorizationToken((request) -> request.domain("my-domain"))
			.sdkHttpResponse()
			.matchingHeaders("Date")).containsExactly("Wed, 09 Jan 2030 01:02:03 GMT");
	}

	@Test
	void errorAnswersCarryTheEmulatorClock() {
		this.clock.advance(Duration.ofMinutes(5));
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING), 1);
		assertThatExceptionOfType(ThrottlingException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain("my-domain")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().sdkHttpResponse().matchingHeaders("Date"))
				.containsExactly("Tue, 01 Jan 2030 00:05:00 GMT"));
	}

	@Test
	void packageRepositoryAnswersCarryTheEmulatorClock() {
		HttpResponse<String> response = new SignedRequests(this.emulator)
			.get(this.emulator.repositoryEndpoint("my-domain", "my-repo", "maven").resolve("x.pom"), Map.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("Date")).containsExactly("Tue, 01 Jan 2030 00:00:00 GMT");
	}

	@Test
	void aClockSkewedAgainstTheClientSkewsTheDate() {
		Duration skew = Duration.ofMinutes(-10);
		try (CodeArtifactEmulator skewed = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.clock(Clock.offset(Clock.systemUTC(), skew))
			.build(); CodeartifactClient skewedClient = CodeArtifactClients.client(skewed)) {
			Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			SdkHttpResponse response = skewedClient.getAuthorizationToken((request) -> request.domain("my-domain"))
				.sdkHttpResponse();
			Instant after = Instant.now();
			assertThat(response.matchingHeaders("Date")).hasSize(1);
			Instant date = ZonedDateTime
				.parse(response.firstMatchingHeader("Date").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME)
				.toInstant();
			// The client signs with the machine's clock; the answer is dated ten minutes earlier.
			assertThat(date).isBetween(before.plus(skew), after.plus(skew));
		}
	}

}
