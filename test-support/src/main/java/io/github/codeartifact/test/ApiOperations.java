package io.github.codeartifact.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Answers the two CodeArtifact API operations: authentication, faults, validation,
 * resource checks, then the result.
 */
final class ApiOperations {

	private final SigV4Verifier verifier;

	private final FaultQueue faults;

	private final Inventory inventory;

	private final TokenRegistry tokens;

	private final TokenPolicy tokenPolicy;

	private final Clock clock;

	private final RepositoryEndpoints endpoints;

	private final CountDownLatch closed;

	ApiOperations(SigV4Verifier verifier, FaultQueue faults, Inventory inventory, TokenRegistry tokens,
			TokenPolicy tokenPolicy, Clock clock, RepositoryEndpoints endpoints, CountDownLatch closed) {
		this.verifier = verifier;
		this.faults = faults;
		this.inventory = inventory;
		this.tokens = tokens;
		this.tokenPolicy = tokenPolicy;
		this.clock = clock;
		this.endpoints = endpoints;
		this.closed = closed;
	}

	Answer answer(Operation operation, HttpRequestMessage request) {
		ApiError authenticationError = this.verifier.verify(request);
		if (authenticationError != null) {
			return Answer.of(authenticationError, null);
		}
		EmulatorFault fault = this.faults.poll(operation);
		if (fault != null) {
			Answer faulted = applyFault(fault);
			if (faulted != null) {
				return faulted;
			}
		}
		Answer answer = (operation == Operation.GET_AUTHORIZATION_TOKEN) ? getAuthorizationToken(request, fault)
				: getRepositoryEndpoint(request, fault);
		return (fault != null && fault.kind() == EmulatorFault.Kind.DRIP)
				? answer.dripped(Objects.requireNonNull(fault.duration())) : answer;
	}

	/**
	 * Applies a fault that replaces the normal answer.
	 * @return the replacement, or {@code null} when the normal answer follows
	 */
	private @Nullable Answer applyFault(EmulatorFault fault) {
		switch (fault.kind()) {
			case ERROR: {
				CodeArtifactError error = fault.error();
				return Answer.of(new ApiError(error.status(), error.errorType(), "Injected " + error.errorType(),
						Map.of(), retryAfterSeconds(fault)), fault);
			}
			case STATUS:
				return Answer.of(new ApiError(fault.status(), null, HttpStatusText.of(fault.status()), Map.of(),
						retryAfterSeconds(fault)), fault);
			case CONNECTION_RESET:
				return Answer.of(HttpReply.connectionReset(), fault);
			case MALFORMED_BODY:
				return Answer.of(HttpReply.json(200, requestId(), "{\"authorizationToken\":\"trunc"), fault);
			case MISSING_FIELDS:
				return Answer.of(HttpReply.json(200, requestId(), "{}"), fault);
			case LATENCY:
				holdBack(fault.duration());
				return null;
			default:
				// Token faults shape the normal answer; a drip sends it slowly.
				return null;
		}
	}

	private Answer getAuthorizationToken(HttpRequestMessage request, @Nullable EmulatorFault fault) {
		String domain = request.queryParameter("domain");
		String owner = request.queryParameter("domain-owner");
		String duration = request.queryParameter("duration");
		ApiError invalid = new RequestValidator().domain(domain).domainOwner(owner).durationSeconds(duration).toError();
		if (invalid != null) {
			return Answer.of(invalid, fault);
		}
		ApiError unresolved = resolve(domain, owner);
		if (unresolved != null) {
			return Answer.of(unresolved, fault);
		}
		Instant now = this.clock.instant();
		Long durationSeconds = (duration != null) ? Long.parseLong(duration) : null;
		Instant expiration = this.tokenPolicy.expiration(now, durationSeconds, fault);
		IssuedToken token = this.tokens.issue(domain, this.inventory.requireOwner(domain), expiration);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("authorizationToken", token.value());
		body.put("expiration", epochSeconds(expiration));
		return Answer.of(HttpReply.json(200, requestId(), Json.object(body)), fault);
	}

	private Answer getRepositoryEndpoint(HttpRequestMessage request, @Nullable EmulatorFault fault) {
		String domain = request.queryParameter("domain");
		String owner = request.queryParameter("domain-owner");
		String repository = request.queryParameter("repository");
		String format = request.queryParameter("format");
		ApiError invalid = new RequestValidator().domain(domain)
			.domainOwner(owner)
			.repository(repository)
			.format(format)
			.endpointType(request.queryParameter("endpointType"))
			.toError();
		if (invalid != null) {
			return Answer.of(invalid, fault);
		}
		ApiError unresolved = resolve(domain, owner);
		if (unresolved != null) {
			return Answer.of(unresolved, fault);
		}
		if (!this.inventory.hasRepository(domain, repository)) {
			return Answer.of(ApiError.notFound("Repository not found: " + repository + " in domain " + domain,
					"repository", repository), fault);
		}
		if (!this.inventory.servesFormat(domain, repository, format)) {
			return Answer.of(ApiError.notFound("Repository " + repository + " has no " + format + " endpoint",
					"repository", repository), fault);
		}
		String endpoint = this.endpoints.endpoint(domain, this.inventory.requireOwner(domain), format, repository)
			.toString();
		return Answer.of(HttpReply.json(200, requestId(), Json.object(Map.of("repositoryEndpoint", endpoint))), fault);
	}

	/**
	 * Checks that the domain exists and that a given owner owns it.
	 */
	private @Nullable ApiError resolve(String domain, @Nullable String owner) {
		String actualOwner = this.inventory.owner(domain);
		if (actualOwner == null) {
			return ApiError.notFound("Domain not found: " + domain, "domain", domain);
		}
		if (owner != null && !owner.equals(actualOwner)) {
			return ApiError.of(CodeArtifactError.ACCESS_DENIED,
					"User is not authorized to access domain " + domain + " owned by " + owner);
		}
		return null;
	}

	private void holdBack(@Nullable Duration latency) {
		if (latency == null) {
			return;
		}
		try {
			// Waiting on the close latch lets close() end the latency early.
			this.closed.await(latency.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static @Nullable Long retryAfterSeconds(EmulatorFault fault) {
		Duration retryAfter = fault.retryAfter();
		return (retryAfter != null) ? retryAfter.toSeconds() : null;
	}

	private static Json.JsonNumber epochSeconds(Instant instant) {
		long millis = instant.toEpochMilli();
		long seconds = Math.floorDiv(millis, 1000);
		long fraction = Math.floorMod(millis, 1000);
		return new Json.JsonNumber((fraction == 0) ? Long.toString(seconds) : String.format("%d.%03d", seconds, fraction));
	}

	private static Map<String, String> requestId() {
		return Map.of("x-amzn-RequestId", UUID.randomUUID().toString());
	}

}
