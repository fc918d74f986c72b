package cn.kexie.capability.programme;

/** Published (inside the creating transaction) when a call is created. */
public record CallCreated(Call call, Programme programme) {
}
