package io.github.codeartifact.test;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;
import software.amazon.awssdk.services.codeartifact.model.ValidationExceptionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that every constraint of the service model surfaces as the SDK's
 * {@link ValidationException}.
 */
class CodeArtifactEmulatorValidationTests extends EmulatorClientTestBase {

	@ParameterizedTest
	@ValueSource(strings = { "a", "My-domain", "1domain", "domain-", "dom_ain",
			"a23456789012345678901234567890123456789012345678901" })
	void badDomainIsRejected(String domain) {
		ValidationException ex = assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain(domain)))
			.actual();
		assertThat(ex.statusCode()).isEqualTo(400);
		assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
		assertThat(ex.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
		assertThat(ex.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value '" + domain + "' at 'domain'");
	}

	@Test
	void domainLengthLimitsAreReportedAsLengthViolations() {
		assertThat(domainViolation("a")).contains("Member must have length greater than or equal to 2");
		assertThat(domainViolation("a" + "b".repeat(50))).contains("Member must have length less than or equal to 50");
		assertThat(domainViolation("Ab")).contains("Member must satisfy regular expression pattern");
	}

	@Test
	void longestValidDomainPassesValidation() {
		// 50 characters is valid, so the answer is "not found" rather than a validation error.
		String domain = "a" + "b".repeat(49);
		assertThatExceptionOfType(software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain(domain)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "11112222333", "1111222233334", "11112222333a", "1111-2222-33" })
	void ownerMustBeTwelveDigits(String owner) {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain("my-domain").domainOwner(owner)))
			.withMessageContaining("at 'domainOwner'");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.client.getRepositoryEndpoint(
				(request) -> request.domain("my-domain").domainOwner(owner).repository("my-repo").format("maven")));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 899, 43201, -1 })
	void durationMustBeZeroOrBetween900And43200(long duration) {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain("my-domain").durationSeconds(duration)))
			.withMessageContaining("Value '" + duration + "' at 'durationSeconds'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "r", "-repo", ".repo", "re po", "re/po" })
	void badRepositoryIsRejected(String repository) {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getRepositoryEndpoint(
					(request) -> request.domain("my-domain").repository(repository).format("maven")))
			.withMessageContaining("at 'repository'");
	}

	@Test
	void repositoryLongerThan100IsRejected() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getRepositoryEndpoint(
					(request) -> request.domain("my-domain").repository("r".repeat(101)).format("maven")))
			.withMessageContaining("Member must have length less than or equal to 100");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gradle", "MAVEN", "" })
	void formatMustBeAPackageFormat(String format) {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getRepositoryEndpoint(
					(request) -> request.domain("my-domain").repository("my-repo").format(format)))
			.withMessageContaining("at 'format'")
			.withMessageContaining("Member must satisfy enum value set");
	}

	@Test
	void endpointTypeMustBeDualstackOrIpv4() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getRepositoryEndpoint((request) -> request.domain("my-domain")
				.repository("my-repo")
				.format("maven")
				.endpointType("ipv6")))
			.withMessageContaining("Value 'ipv6' at 'endpointType'");
	}

	@Test
	void severalViolationsAreReportedTogether() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getRepositoryEndpoint(
					(request) -> request.domain("X").domainOwner("1").repository("-").format("jar")))
			.withMessageContaining("4 validation errors detected");
	}

	@Test
	void missingRequiredParametersAndUnparsableDurationAreRejectedOnTheWire() {
		SignedRequests raw = new SignedRequests(this.emulator);
		HttpResponse<String> noDomain = raw.send("POST", "/v1/authorization-token", Map.of());
		assertValidation(noDomain, "Value null at 'domain' failed to satisfy constraint: Member must not be null");
		HttpResponse<String> noFormat = raw.send("GET", "/v1/repository/endpoint",
				Map.of("domain", "my-domain", "repository", "my-repo"));
		assertValidation(noFormat, "Value null at 'format'");
		HttpResponse<String> textDuration = raw.send("POST", "/v1/authorization-token",
				Map.of("domain", "my-domain", "duration", "soon"));
		assertValidation(textDuration, "Value 'soon' at 'durationSeconds'");
	}

	private void assertValidation(HttpResponse<String> response, String messagePart) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).startsWith("{\"message\":\"").contains(messagePart);
	}

	private String domainViolation(String domain) {
		return assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain(domain)))
			.actual()
			.awsErrorDetails()
			.errorMessage();
	}

}
