export type Serialized =
  | {
      readonly ok: true;
      readonly text: string;
    }
  | {
      readonly ok: false;
      readonly message: string;
    };
export declare function serializeRequest(request: unknown): Serialized;
