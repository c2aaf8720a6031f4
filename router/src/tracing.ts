import type { ApolloServerPlugin } from '@apollo/server';
import { context as otelContext, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

const propagator = new W3CTraceContextPropagator();
const headerSetter = { set: (carrier: Record<string, string>, key: string, value: string) => void (carrier[key] = value) };
const headerGetter = {
  get: (carrier: Record<string, string | string[] | undefined>, key: string) => carrier[key] as string | undefined,
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
};

/**
 * OpenTelemetry tracing for the router: a span per GraphQL request (continuing the client's W3C
 * `traceparent` when it sends one) and a child span per subgraph fetch, whose `traceparent`
 * travels to the subgraph. Spans go to an OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT`) or to the
 * exporter given; without either, tracing is off. Span attributes carry operation and subgraph
 * names only, never variables.
 */
/** A subgraph call's span: the headers that carry it to the subgraph, and how to end it. */
export interface FetchSpan {
  headers: Record<string, string>;
  end: (ok: boolean) => void;
}

export class RouterTracing {
  private readonly tracer: Tracer | null;
  private readonly provider: BasicTracerProvider | null;

  constructor(exporter: SpanExporter | 'otlp' | null) {
    if (!exporter) {
      this.tracer = null;
      this.provider = null;
      return;
    }
    const processor = exporter === 'otlp' ? new BatchSpanProcessor(new OTLPTraceExporter()) : new SimpleSpanProcessor(exporter);
    this.provider = new BasicTracerProvider({ spanProcessors: [processor] });
    this.tracer = this.provider.getTracer('aurora-router');
  }

  plugin(): ApolloServerPlugin<{ span?: Span }> {
    const tracer = this.tracer;
    return {
      async requestDidStart({ request, contextValue }) {
        if (!tracer) return;
        const headers = Object.fromEntries(request.http?.headers ?? []);
        const parent = propagator.extract(ROOT_CONTEXT, headers, headerGetter);
        const span = tracer.startSpan('graphql.request', { kind: SpanKind.SERVER }, parent);
        contextValue.span = span;
        return {
          async didResolveOperation({ operationName, operation }) {
            span.setAttribute('graphql.operation.name', operationName ?? 'anonymous');
            if (operation) span.setAttribute('graphql.operation.type', operation.operation);
          },
          async willSendResponse({ errors, response }) {
            const failed = (errors?.length ?? 0) > 0 || (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
            span.setStatus({ code: failed ? SpanStatusCode.ERROR : SpanStatusCode.OK });
            span.end();
          },
        };
      },
    };
  }

  /** Starts a subgraph fetch's span under the request's span and returns the headers that carry it. */
  startFetch(parent: Span | undefined, subgraph: string): FetchSpan | null {
    if (!this.tracer || !parent) return null;
    const span = this.tracer.startSpan(
      `subgraph.fetch ${subgraph}`,
      { kind: SpanKind.CLIENT, attributes: { 'aurora.subgraph': subgraph } },
      trace.setSpan(otelContext.active(), parent),
    );
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, headerSetter);
    return {
      headers,
      end: (ok) => {
        span.setStatus({ code: ok ? SpanStatusCode.OK : SpanStatusCode.ERROR });
        span.end();
      },
    };
  }

  async shutdown(): Promise<void> {
    await this.provider?.shutdown();
  }
}
