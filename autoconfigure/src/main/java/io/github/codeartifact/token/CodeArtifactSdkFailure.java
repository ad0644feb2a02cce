package io.github.codeartifact.token;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.InternalServerException;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/**
 * The classification of a failed CodeArtifact API call, shared by every operation the starter
 * makes (GetAuthorizationToken, GetRepositoryEndpoint):
 * <ul>
 * <li>retryable: throttling (with its {@code Retry-After}), internal server errors, any 5xx, 408,
 * 429, clock skew, client-side failures (I/O, timeouts, unreadable answers) and credentials that
 * could not be loaded;</li>
 * <li>not retryable: access denied, validation errors, an unknown resource, rejected credentials and
 * any other 4xx.</li>
 * </ul>
 *
 * @param errorCode the AWS error code, or {@code null} when the failure did not come from the
 * service
 * @param detail what went wrong, from the service's message or the client-side failure; never a
 * token
 * @param retryable whether the failure is worth retrying soon
 * @param retryAfter the {@code Retry-After} the service asked for, or {@code null}
 * @param setupFailure whether no retry within the startup wait can fix it (no credentials source
 * anywhere, a refused connection to an explicit endpoint), see
 * {@link CodeArtifactTokenException#isSetupFailure()}
 */
public record CodeArtifactSdkFailure(@Nullable String errorCode, String detail, boolean retryable,
		@Nullable Duration retryAfter, boolean setupFailure) {

	private static final Set<String> REJECTED_CREDENTIALS = Set.of("UnrecognizedClientException",
			"InvalidSignatureException", "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId",
			"SignatureDoesNotMatch", "MissingAuthenticationToken", "IncompleteSignature", "InvalidAccessKeyId");

	/**
	 * Classifies a failure of the AWS SDK.
	 * @param ex the failure
	 * @return its classification
	 */
	public static CodeArtifactSdkFailure of(SdkException ex) {
		return of(ex, null);
	}

	/**
	 * Classifies a failure of the AWS SDK of a client that may have an explicit endpoint.
	 * @param ex the failure
	 * @param explicitEndpoint the endpoint the client was given, or {@code null} for the region's
	 * default
	 * @return its classification
	 */
	public static CodeArtifactSdkFailure of(SdkException ex, @Nullable URI explicitEndpoint) {
		if (ex instanceof AwsServiceException service) {
			return service(service);
		}
		if (ex instanceof SdkClientException client) {
			return client(client, explicitEndpoint);
		}
		return new CodeArtifactSdkFailure(null, "SDK failure", true, null, false);
	}

	private static CodeArtifactSdkFailure service(AwsServiceException ex) {
		AwsErrorDetails details = ex.awsErrorDetails();
		String errorCode = (details != null) ? details.errorCode() : null;
		String serviceMessage = (details != null && details.errorMessage() != null) ? details.errorMessage()
				: ex.getMessage();
		Duration retryAfter = (ex instanceof ThrottlingException throttling && throttling.retryAfterSeconds() != null)
				? Duration.ofSeconds(throttling.retryAfterSeconds()) : null;
		return new CodeArtifactSdkFailure((errorCode != null) ? errorCode : ex.getClass().getSimpleName(),
				String.valueOf(serviceMessage), isRetryable(ex, errorCode), retryAfter, false);
	}

	static boolean isRetryable(AwsServiceException ex, @Nullable String errorCode) {
		if (ex instanceof AccessDeniedException || ex instanceof ValidationException
				|| ex instanceof ResourceNotFoundException
				|| (errorCode != null && REJECTED_CREDENTIALS.contains(errorCode))) {
			return false;
		}
		if (ex instanceof ThrottlingException || ex instanceof InternalServerException || ex.isThrottlingException()
				|| ex.isClockSkewException()) {
			return true;
		}
		int status = ex.statusCode();
		return status >= 500 || status == 429 || status == 408;
	}

	private static CodeArtifactSdkFailure client(SdkClientException ex, @Nullable URI explicitEndpoint) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		String sources = CredentialsChainSummary.of(message);
		if (sources != null) {
			return new CodeArtifactSdkFailure(null,
					"no AWS credentials: none of the sources of the credentials chain has any:\n" + sources, true, null,
					true);
		}
		if (message.startsWith("Unable to load credentials")) {
			return new CodeArtifactSdkFailure(null, "AWS credentials could not be loaded: " + message, true, null,
					false);
		}
		if (explicitEndpoint != null && hasCause(ex, ConnectException.class)) {
			return new CodeArtifactSdkFailure(null, "connection refused by the explicit endpoint " + explicitEndpoint
					+ " (" + ex.getClass().getSimpleName() + "): " + message, true, null, true);
		}
		return new CodeArtifactSdkFailure(null,
				"client-side failure (" + ex.getClass().getSimpleName() + "): " + message, true, null, false);
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex.getCause(); cause != null && cause != ex; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
