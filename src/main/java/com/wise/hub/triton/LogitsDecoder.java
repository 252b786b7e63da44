package com.wise.hub.triton;

import com.google.protobuf.ByteString;
import com.wise.hub.problem.ProblemException;
import inference.GrpcService.ModelInferResponse;
import java.nio.ByteOrder;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the logits out of a {@code ModelInfer} response: the configured output, FP32, shape
 * {@code [1, T, V]} (or {@code [T, V]}), from {@code raw_output_contents} (little-endian,
 * row-major) or, when the server sent typed contents, from {@code fp32_contents}.
 */
@Component
public class LogitsDecoder {

    private final TritonProperties contract;

    LogitsDecoder(TritonProperties contract) {
        this.contract = contract;
    }

    /** @throws ProblemException 502 naming what in the response does not match the contract */
    public Logits decode(ModelInferResponse response) {
        List<ModelInferResponse.InferOutputTensor> outputs = response.getOutputsList();
        int index = -1;
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).getName().equals(contract.output())) {
                index = i;
            }
        }
        if (index < 0) {
            throw mismatch("it has no output '" + contract.output() + "' (outputs: "
                    + outputs.stream().map(ModelInferResponse.InferOutputTensor::getName).toList() + ")");
        }
        ModelInferResponse.InferOutputTensor tensor = outputs.get(index);
        if (!ModelContract.FP32.equals(tensor.getDatatype())) {
            throw mismatch("output '" + contract.output() + "' is " + tensor.getDatatype() + ", not FP32");
        }
        List<Long> shape = tensor.getShapeList();
        boolean batched = shape.size() == 3 && shape.get(0) == 1;
        if (!batched && shape.size() != 2) {
            throw mismatch("output '" + contract.output() + "' has shape " + shape + ", not [1, T, V]");
        }
        long frames = shape.get(shape.size() - 2);
        long classes = shape.get(shape.size() - 1);
        if (frames < 0 || classes <= 0 || frames * classes > Integer.MAX_VALUE) {
            throw mismatch("output '" + contract.output() + "' has shape " + shape);
        }
        float[] values = new float[(int) (frames * classes)];
        if (response.getRawOutputContentsCount() > 0) {
            if (response.getRawOutputContentsCount() <= index) {
                throw mismatch("raw_output_contents has no entry for output '" + contract.output() + "'");
            }
            ByteString raw = response.getRawOutputContents(index);
            if (raw.size() != values.length * Float.BYTES) {
                throw mismatch("output '" + contract.output() + "' holds " + raw.size() + " bytes; shape " + shape
                        + " needs " + values.length * Float.BYTES);
            }
            raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            List<Float> typed = tensor.getContents().getFp32ContentsList();
            if (typed.size() != values.length) {
                throw mismatch("output '" + contract.output() + "' holds " + typed.size() + " values; shape "
                        + shape + " needs " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = typed.get(i);
            }
        }
        return new Logits((int) frames, (int) classes, values);
    }

    private static ProblemException mismatch(String what) {
        return ModelContract.mismatch("The model's answer does not match the contract: " + what + ".");
    }
}
