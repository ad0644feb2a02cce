package io.github.codeartifact.test;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes each request to the API operations or the package repository and records the
 * call with its outcome.
 */
final class RequestRouter implements LocalHttpServer.RequestHandler {

	private final ApiOperations api;

	private final PackageRepository repository;

	private final CallRecorder recorder;

	private final Clock clock;

	private final List<PackageRequestGate> gates;

	RequestRouter(ApiOperations api, PackageRepository repository, CallRecorder recorder, Clock clock,
			List<PackageRequestGate> gates) {
		this.api = api;
		this.repository = repository;
		this.recorder = recorder;
		this.clock = clock;
		this.gates = gates;
	}

	@Override
	public HttpReply handle(HttpRequestMessage request) {
		Instant time = this.clock.instant();
		Operation operation = operation(request);
		Answer answer;
		Map<String, String> parameters;
		if (operation.isApiOperation()) {
			parameters = firstValues(request.queryParameters());
			answer = this.api.answer(operation, request);
		}
		else {
			PackageRepository.Coordinates coordinates = PackageRepository.coordinates(request.rawPath());
			if (coordinates != null) {
				for (PackageRequestGate gate : this.gates) {
					gate.pass(coordinates.file());
				}
				// A held request is answered, and recorded, as of its release
				time = this.clock.instant();
				operation = Operation.PACKAGE_REQUEST;
				parameters = coordinates.toParameters(request.method());
				answer = this.repository.answer(coordinates, request);
			}
			else {
				parameters = Map.of("method", request.method(), "path", request.rawPath());
				answer = Answer.of(ApiError.of(404, "UnknownOperationException", "Unknown operation"), null);
			}
		}
		HttpReply reply = answer.reply();
		this.recorder.record(new RecordedCall(time, operation, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)),
				reply.isConnectionReset() ? 0 : reply.status(), answer.errorType(), answer.fault()));
		return reply;
	}

	private static Operation operation(HttpRequestMessage request) {
		String path = request.rawPath();
		if (path.equals("/v1/authorization-token") && request.method().equals("POST")) {
			return Operation.GET_AUTHORIZATION_TOKEN;
		}
		if (path.equals("/v1/repository/endpoint") && request.method().equals("GET")) {
			return Operation.GET_REPOSITORY_ENDPOINT;
		}
		return Operation.UNKNOWN;
	}

	private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
		Map<String, String> first = new LinkedHashMap<>();
		parameters.forEach((name, values) -> first.put(name, values.get(0)));
		return first;
	}

}
