package io.github.codeartifact.autoconfigure;

import java.util.Locale;
import java.util.Set;

import io.github.codeartifact.token.CodeArtifactTokenException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link CodeArtifactTokenStartupException}: which domain, owner and region were asked,
 * the AWS error code and message, and what to do for the common causes (missing IAM permissions, a
 * wrong domain, owner or region, bad credentials, throttling).
 */
class CodeArtifactTokenFailureAnalyzer extends AbstractFailureAnalyzer<CodeArtifactTokenStartupException> {

	/** The IAM action that returns the token. */
	static final String GET_AUTHORIZATION_TOKEN = "codeartifact:GetAuthorizationToken";

	/** The IAM action that CodeArtifact calls on the caller's behalf. */
	static final String GET_SERVICE_BEARER_TOKEN = "sts:GetServiceBearerToken";

	private static final Set<String> ACCESS_DENIED = Set.of("AccessDeniedException", "AccessDenied",
			"UnauthorizedException", "UnauthorizedOperation");

	private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException", "ResourceNotFound");

	private static final Set<String> CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidSignatureException",
			"SignatureDoesNotMatch", "IncompleteSignature", "IncompleteSignatureException", "InvalidClientTokenId",
			"ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken", "MissingAuthenticationTokenException",
			"RequestExpired", "InvalidAccessKeyId", "AuthFailure");

	private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling", "ThrottledException",
			"TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "ServiceQuotaExceededException");

	private static final String FAIL_FAST_HINT = "Or set " + CodeArtifactProperties.PREFIX
			+ ".fail-fast=false to start without a token and keep trying in the background.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CodeArtifactTokenStartupException cause) {
		CodeArtifactTokenException failure = cause.getCause();
		String errorCode = failure.getErrorCode();
		StringBuilder description = new StringBuilder();
		description.append("The CodeArtifact token provider could not get its first authorization token, and ")
			.append(CodeArtifactProperties.PREFIX)
			.append(".fail-fast is true.\n\n");
		description.append("    Domain: ").append(cause.getDomain()).append('\n');
		description.append("    Owner: ")
			.append((cause.getOwner() != null) ? cause.getOwner() : "(not set: the account of the credentials)")
			.append('\n');
		description.append("    Region: ").append((cause.getRegion() != null) ? cause.getRegion() : "(unknown)").append('\n');
		description.append("    Endpoint: ").append((cause.getEndpoint() != null) ? cause.getEndpoint() : "(unknown)")
			.append('\n');
		description.append("    Error code: ").append((errorCode != null) ? errorCode : "(none: no answer from the service)")
			.append('\n');
		description.append("    Retryable: ")
			.append(failure.isSetupFailure() ? "not at startup: no retry can fix it (the background refresh of "
					+ CodeArtifactProperties.PREFIX + ".fail-fast=false keeps trying)" : failure.isRetryable())
			.append('\n');
		description.append("    Message: ").append(failure.getMessage());
		return new FailureAnalysis(description.toString(), action(cause, failure, errorCode), cause);
	}

	private String action(CodeArtifactTokenStartupException cause, CodeArtifactTokenException failure,
			@Nullable String errorCode) {
		String prefix = CodeArtifactProperties.PREFIX;
		if (errorCode != null && ACCESS_DENIED.contains(errorCode)) {
			String account = (cause.getOwner() != null) ? cause.getOwner() : "<owner-account-id>";
			String region = (cause.getRegion() != null) ? cause.getRegion() : "<region>";
			return "Allow the application's AWS identity both IAM actions that a CodeArtifact token needs:\n"
					+ "    - " + GET_AUTHORIZATION_TOKEN + " on arn:aws:codeartifact:" + region + ":" + account
					+ ":domain/" + cause.getDomain() + "\n"
					+ "    - " + GET_SERVICE_BEARER_TOKEN
					+ " on *, with the condition sts:AWSServiceName = codeartifact.amazonaws.com\n"
					+ "Check also that " + prefix + ".owner is the account that owns the domain; a domain of another "
					+ "account must allow yours in its domain policy. " + FAIL_FAST_HINT;
		}
		if (errorCode != null && NOT_FOUND.contains(errorCode)) {
			return "Check " + prefix + ".domain, " + prefix + ".owner and " + prefix
					+ ".region: the domain must exist in that region and be owned by that account "
					+ "('aws codeartifact list-domains --region <region>' lists them). " + FAIL_FAST_HINT;
		}
		if (String.valueOf(failure.getMessage()).contains("scoped to a valid region")) {
			return "The service does not accept region " + cause.getRegion() + " at " + cause.getEndpoint() + ". Set "
					+ prefix + ".region to the region of the domain (AWS_REGION or the AwsRegionProvider bean when "
					+ "it is not set), and check that " + prefix + ".endpoint, when set, is an endpoint of that "
					+ "region. " + FAIL_FAST_HINT;
		}
				if ((errorCode != null && CREDENTIALS.contains(errorCode)) || isCredentialsProblem(failure)) {
			return "Check the application's AWS credentials: they were missing, expired or rejected. Provide them "
					+ "through the default chain (environment, system properties, web identity, profile, SSO, "
					+ "container or instance role) or an AwsCredentialsProvider bean, and check that the system "
					+ "clock is right. " + FAIL_FAST_HINT;
		}
		if ((errorCode != null && THROTTLING.contains(errorCode)) || isThrottling(errorCode)) {
			return "CodeArtifact throttled the requests for longer than " + prefix
					+ ".refresh.startup-timeout. Make fewer GetAuthorizationToken calls from this account (share "
					+ "tokens, ask for longer tokens with " + prefix + ".duration), or raise " + prefix
					+ ".refresh.startup-timeout. " + FAIL_FAST_HINT;
		}
		if ("ValidationException".equals(errorCode)) {
			return "Check " + prefix + ".domain, " + prefix + ".owner and " + prefix
					+ ".duration: the service rejected the request. " + FAIL_FAST_HINT;
		}
		if (failure.isSetupFailure()) {
			return "Nothing accepts connections at " + cause.getEndpoint() + ". Start the service there (an emulator, "
					+ "a VPC endpoint, a proxy), or correct " + prefix + ".endpoint, or remove it to use the region's "
					+ "default endpoint. " + FAIL_FAST_HINT;
		}
		if (errorCode == null) {
			return "Check that the CodeArtifact endpoint of the region (or " + prefix
					+ ".endpoint) can be reached from the application (network, proxy, VPC endpoint, DNS), or raise "
					+ prefix + ".refresh.startup-timeout. " + FAIL_FAST_HINT;
		}
		return "Check the error above and the settings " + prefix + ".domain, " + prefix + ".owner and " + prefix
				+ ".region. " + FAIL_FAST_HINT;
	}

	private static boolean isThrottling(@Nullable String errorCode) {
		return errorCode != null && errorCode.toLowerCase(Locale.ROOT).contains("throttl");
	}

	private static boolean isCredentialsProblem(Throwable failure) {
		Throwable candidate = failure;
		while (candidate != null) {
			String message = candidate.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains("unable to load credentials")) {
				return true;
			}
			candidate = (candidate.getCause() != candidate) ? candidate.getCause() : null;
		}
		return false;
	}

}
