using Bots.Grpc.Server;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;

namespace Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1 ServerReflection over the descriptors of every mapped service, so grpcurl
/// and similar tools can list services and describe and call their methods.
/// </summary>
public sealed class ReflectionServiceImpl : ServerReflection.ServerReflectionBase
{
    private const int NotFound = (int)StatusCode.NotFound;

    private readonly GrpcServiceRegistry _registry;
    private readonly Lazy<SymbolIndex> _index;

    public ReflectionServiceImpl(GrpcServiceRegistry registry)
    {
        _registry = registry;

        // Built on first use: every service is mapped by then.
        _index = new Lazy<SymbolIndex>(() => new SymbolIndex(registry.Descriptors));
    }

    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(Answer(requestStream.Current)).ConfigureAwait(false);
        }
    }

    /// <summary>Answers one reflection request.</summary>
    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        var index = _index.Value;
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.Add(_registry.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFiles(response, index.FindFile(request.FileByFilename), $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFiles(response, index.FindSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, NotFound, "No extensions are registered.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (index.FindMessage(request.AllExtensionNumbersOfType) is { } message)
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = message.FullName };
                }
                else
                {
                    SetError(response, NotFound, $"Type '{request.AllExtensionNumbersOfType}' not found.");
                }

                break;
            default:
                SetError(response, (int)StatusCode.Unimplemented, "Unsupported reflection request.");
                break;
        }

        return response;
    }

    private static void SetFiles(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, NotFound, notFound);
            return;
        }

        // The file first, then everything it depends on, each once: clients need the whole closure.
        var files = new FileDescriptorResponse();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<FileDescriptor>([file]);
        while (pending.TryDequeue(out var next))
        {
            if (seen.Add(next.Name))
            {
                files.FileDescriptorProto.Add(next.SerializedData);
                foreach (var dependency in next.Dependencies)
                {
                    pending.Enqueue(dependency);
                }
            }
        }

        response.FileDescriptorResponse = files;
    }

    private static void SetError(ServerReflectionResponse response, int code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = code, ErrorMessage = message };

    private sealed class SymbolIndex
    {
        private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
        private readonly Dictionary<string, MessageDescriptor> _messages = new(StringComparer.Ordinal);

        public SymbolIndex(IEnumerable<ServiceDescriptor> services)
        {
            foreach (var service in services)
            {
                AddFile(service.File);
            }
        }

        public FileDescriptor? FindFile(string name) => _files.GetValueOrDefault(name);

        public FileDescriptor? FindSymbol(string symbol) => _symbols.GetValueOrDefault(symbol.TrimStart('.'));

        public MessageDescriptor? FindMessage(string name) => _messages.GetValueOrDefault(name.TrimStart('.'));

        private void AddFile(FileDescriptor file)
        {
            if (!_files.TryAdd(file.Name, file))
            {
                return;
            }

            foreach (var dependency in file.Dependencies)
            {
                AddFile(dependency);
            }

            foreach (var service in file.Services)
            {
                _symbols[service.FullName] = file;
                foreach (var method in service.Methods)
                {
                    _symbols[method.FullName] = file;
                }
            }

            foreach (var message in file.MessageTypes)
            {
                AddMessage(message, file);
            }

            foreach (var enumType in file.EnumTypes)
            {
                _symbols[enumType.FullName] = file;
            }

            foreach (var extension in file.Extensions.UnorderedExtensions)
            {
                _symbols[extension.FullName] = file;
            }
        }

        private void AddMessage(MessageDescriptor message, FileDescriptor file)
        {
            _symbols[message.FullName] = file;
            _messages[message.FullName] = message;
            foreach (var nested in message.NestedTypes)
            {
                AddMessage(nested, file);
            }

            foreach (var enumType in message.EnumTypes)
            {
                _symbols[enumType.FullName] = file;
            }

            foreach (var field in message.Fields.InDeclarationOrder())
            {
                _symbols[field.FullName] = file;
            }
        }
    }
}

/// <summary>
/// grpc.reflection.v1alpha, which older tools (and grpcurl's fallback) use. Its messages are the
/// v1 messages under another package, byte for byte, so requests are answered by the v1 service.
/// </summary>
public sealed class ReflectionV1AlphaServiceImpl(ReflectionServiceImpl v1) : Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<Grpc.Reflection.V1Alpha.ServerReflectionRequest> requestStream,
        IServerStreamWriter<Grpc.Reflection.V1Alpha.ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var response = v1.Answer(request);
            await responseStream.WriteAsync(Grpc.Reflection.V1Alpha.ServerReflectionResponse.Parser.ParseFrom(response.ToByteString())).ConfigureAwait(false);
        }
    }
}
