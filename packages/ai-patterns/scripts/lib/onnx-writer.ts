import protobuf from "protobufjs";

// The subset of onnx.proto this package writes, with the real field numbers, so the
// file is a valid ONNX model (ir_version 8, opset 17) without depending on onnx itself.
const ONNX_SUBSET = `
syntax = "proto2";
package onnx;
message AttributeProto {
  optional string name = 1; optional float f = 2; optional int64 i = 3; optional bytes s = 4;
  optional TensorProto t = 5; repeated float floats = 7; repeated int64 ints = 8; optional int32 type = 20;
}
message ValueInfoProto { optional string name = 1; optional TypeProto type = 2; optional string doc_string = 3; }
message NodeProto {
  repeated string input = 1; repeated string output = 2; optional string name = 3; optional string op_type = 4;
  repeated AttributeProto attribute = 5; optional string doc_string = 6; optional string domain = 7;
}
message ModelProto {
  optional int64 ir_version = 1; optional string producer_name = 2; optional string producer_version = 3;
  optional string domain = 4; optional int64 model_version = 5; optional string doc_string = 6;
  optional GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8;
}
message GraphProto {
  repeated NodeProto node = 1; optional string name = 2; repeated TensorProto initializer = 5;
  optional string doc_string = 10; repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12;
}
message TensorProto {
  repeated int64 dims = 1; optional int32 data_type = 2; optional string name = 8; optional bytes raw_data = 9;
}
message TensorShapeProto {
  message Dimension { optional int64 dim_value = 1; optional string dim_param = 2; }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { optional int32 elem_type = 1; optional TensorShapeProto shape = 2; }
  optional Tensor tensor_type = 1;
}
message OperatorSetIdProto { optional string domain = 1; optional int64 version = 2; }
`;

/** ONNX element types used here. */
export const FLOAT = 1;
/** ONNX int64 element type. */
export const INT64 = 7;

const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;

/** A graph input or output: name, element type and dims (numbers or symbolic names). */
export interface ValueInfo {
  readonly name: string;
  readonly type: number;
  readonly dims: ReadonlyArray<number | string>;
}

/** A constant tensor stored in the model. */
export interface Initializer {
  readonly name: string;
  readonly type: number;
  readonly dims: readonly number[];
  readonly data: Float32Array | BigInt64Array;
}

/** One operator. Attributes are ints or int lists (all this graph needs). */
export interface Node {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, number | readonly number[]>>;
}

/** Everything one model file holds. */
export interface GraphSpec {
  readonly name: string;
  readonly doc: string;
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  readonly initializers: readonly Initializer[];
  readonly nodes: readonly Node[];
}

function valueInfo(value: ValueInfo) {
  return {
    name: value.name,
    type: {
      tensor_type: {
        elem_type: value.type,
        shape: { dim: value.dims.map((d) => (typeof d === "number" ? { dim_value: d } : { dim_param: d })) },
      },
    },
  };
}

/** Encodes a graph as ONNX bytes (ir_version 8, default-domain opset 17). */
export function encodeOnnxModel(spec: GraphSpec): Uint8Array {
  const root = protobuf.parse(ONNX_SUBSET, { keepCase: true }).root;
  const Model = root.lookupType("onnx.ModelProto");
  let counter = 0;
  const message = {
    ir_version: 8,
    producer_name: "@sextant/ai-patterns",
    producer_version: "1",
    opset_import: [{ domain: "", version: 17 }],
    graph: {
      name: spec.name,
      doc_string: spec.doc,
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: spec.initializers.map((init) => ({
        name: init.name,
        data_type: init.type,
        dims: [...init.dims],
        raw_data: new Uint8Array(init.data.buffer, init.data.byteOffset, init.data.byteLength),
      })),
      node: spec.nodes.map((node) => ({
        name: `${node.op.toLowerCase()}_${counter++}`,
        op_type: node.op,
        input: [...node.inputs],
        output: [...node.outputs],
        attribute: Object.entries(node.attributes ?? {}).map(([name, value]) =>
          typeof value === "number" ? { name, type: ATTRIBUTE_INT, i: value } : { name, type: ATTRIBUTE_INTS, ints: [...value] },
        ),
      })),
    },
  };
  const problem = Model.verify(message);
  if (problem) throw new Error(`invalid ONNX message: ${problem}`);
  return Model.encode(Model.fromObject(message)).finish();
}
