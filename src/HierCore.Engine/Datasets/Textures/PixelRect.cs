namespace HierCore.Engine.Datasets.Textures;

/// <summary>Integral rectangle in source-photo pixels (half-open: [X, X+Width) × [Y, Y+Height)).</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;

    public bool Intersects(PixelRect o) => X < o.Right && o.X < Right && Y < o.Bottom && o.Y < Bottom;

    public bool Contains(PixelRect o) => o.X >= X && o.Y >= Y && o.Right <= Right && o.Bottom <= Bottom;

    public override string ToString() => $"[{X},{Y} {Width}x{Height}]";
}
