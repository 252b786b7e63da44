package com.wise.hub.triton;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Gives every gRPC call to Triton a deadline ({@code hub.triton.deadline}); past it gRPC cancels the
 * call on both sides and it fails with DEADLINE_EXCEEDED, which moves on to the next target.
 * camel-grpc has no deadline option; its producers pick up {@link ClientInterceptor} beans from
 * the registry ({@code autoDiscoverClientInterceptors}, on by default).
 */
@Component
class TritonDeadline implements ClientInterceptor {

    private final long deadlineMillis;

    TritonDeadline(TritonProperties properties) {
        this.deadlineMillis = properties.deadline().toMillis();
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        CallOptions bounded = options.getDeadline() == null
                ? options.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS) : options;
        return next.newCall(method, bounded);
    }
}
